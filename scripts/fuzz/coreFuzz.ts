// Fuzzes the language service in-process: every feature on mutated documents.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/core';
import { checkDiagnostics, lineLengthOf, rangeInside, withinDeadline } from './invariants';
import { mutate } from './mutate';
import type { Random } from './random';
import type { Seed } from './corpus';

/** `record` gets the mutated text before any feature runs, so a failure can save the very input. */
export async function coreStep(service: ReturnType<typeof createLanguageService>, seeds: Seed[], random: Random, step: number, record: (text: string) => void = () => {}): Promise<string> {
  const seed = random.pick(seeds);
  const text = mutate(seed.text, random);
  record(text);
  const ext = seed.languageId === 'cni' ? (seed.name.endsWith('.conf') ? '.conf' : '.conflist') : '.yaml';
  const doc = TextDocument.create(`file:///fuzz/doc${step % 50}${ext}`, seed.languageId, step, text);
  const lineLength = lineLengthOf(doc);
  const diagnostics = await withinDeadline('validate', 1000, () => service.validate(doc));
  checkDiagnostics(diagnostics, doc.lineCount, lineLength);
  for (let i = 0; i < 3; i++) {
    const position = doc.positionAt(random.int(text.length + 1));
    const items = await withinDeadline('completion', 1000, () => service.complete(doc, position));
    for (const item of items) if (item.textEdit && 'range' in item.textEdit) rangeInside(item.textEdit.range, doc.lineCount, lineLength, `completion ${item.label}`);
    const hover = await withinDeadline('hover', 1000, () => service.hover(doc, position));
    if (hover?.range) rangeInside(hover.range, doc.lineCount, lineLength, 'hover');
    await withinDeadline('definition', 1000, () => service.definition(doc, position));
  }
  for (const d of diagnostics.slice(0, 5)) {
    const actions = await withinDeadline('code actions', 1000, () => service.codeActions(doc, d.range));
    for (const action of actions) {
      const edits = action.edit?.changes?.[doc.uri] ?? [];
      for (const e of edits) rangeInside(e.range, doc.lineCount, lineLength, `quick fix ${action.title}`);
      try {
        TextDocument.applyEdits(doc, edits); // must not throw (overlapping edits would)
      } catch (error) {
        throw new Error(`quick fix "${action.title}" on ${doc.uri}: ${error instanceof Error ? error.message : error}: ${JSON.stringify(edits)}`);
      }
    }
  }
  await withinDeadline('symbols', 1000, () => service.symbols(doc));
  return text;
}
