// Line arithmetic on offsets. `text.lastIndexOf('\n', offset - 1) + 1` looks like the start of the
// line at `offset`, but at offset 0 the search starts at index 0 (a negative fromIndex counts as
// 0) and finds a newline there: the "line start" comes out as 1, after the offset itself.

/** Offset where the line holding `offset` starts. */
export function lineStartAt(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** Column of `offset` on its line (0-based, in UTF-16 units). */
export function columnAt(text: string, offset: number): number {
  return offset - lineStartAt(text, offset);
}
