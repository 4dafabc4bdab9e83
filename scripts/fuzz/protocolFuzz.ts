// Fuzzes the bundled server over real LSP: random edits to open documents and requests in
// between. Every request must be answered within a second and the server must stay up.
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer, type TestServer } from '../../test/helpers/lspClient';
import { checkDiagnostics, lineLengthOf, Violation, withinDeadline } from './invariants';
import { mutate } from './mutate';
import type { Random } from './random';
import type { Seed } from './corpus';

export class ProtocolFuzzer {
  /** The text of the document of the last step, to save when a step fails. */
  lastText = '';

  private constructor(private readonly server: TestServer, private readonly docs: Map<string, TextDocument>) {}

  static async start(): Promise<ProtocolFuzzer> {
    return new ProtocolFuzzer(await startServer(), new Map());
  }

  async step(seeds: Seed[], random: Random, step: number): Promise<void> {
    const slot = `file:///fuzz/open${step % 4}`;
    let doc = [...this.docs.values()].find((d) => d.uri.startsWith(slot));
    if (!doc || random.int(10) === 0) {
      const seed = random.pick(seeds);
      // A new name for each document opened in the slot: the server may still be sending the
      // closed one's diagnostics (for its versions, which the new document's versions repeat).
      const uri = `${slot}-${step}${seed.languageId === 'cni' ? '.conflist' : '.yaml'}`;
      if (doc) void this.server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: doc.uri } });
      doc = TextDocument.create(uri, seed.languageId, 1, seed.text);
      this.docs.set(slot, doc);
      this.server.open(uri, seed.text, seed.languageId);
    }
    // An incremental edit: replace a random span with a mutated piece of text.
    const text = doc.getText();
    const start = random.int(text.length + 1);
    const end = Math.min(text.length, start + random.int(20));
    const insert = mutate(text.slice(start, end) || ' ', random, 1).slice(0, 40);
    const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
    const version = doc.version + 1;
    const published = this.server.diagnostics(doc.uri, version);
    void this.server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version }, contentChanges: [{ range, text: insert }] });
    doc = TextDocument.update(doc, [{ range, text: insert }], version);
    this.docs.set(slot, doc);
    const current = doc;
    this.lastText = current.getText();
    const position = current.positionAt(random.int(current.getText().length + 1));
    const requests: [string, object][] = [
      ['textDocument/completion', { textDocument: { uri: current.uri }, position }],
      ['textDocument/hover', { textDocument: { uri: current.uri }, position }],
      ['textDocument/documentSymbol', { textDocument: { uri: current.uri } }],
      ['textDocument/codeAction', { textDocument: { uri: current.uri }, range: { start: position, end: position }, context: { diagnostics: [] } }],
    ];
    const [method, params] = random.pick(requests);
    await withinDeadline(method, 1000, () => this.server.connection.sendRequest(method, params));
    const diagnostics = await withinDeadline('diagnostics after an edit', 1000, () => published);
    checkDiagnostics(diagnostics, current.lineCount, lineLengthOf(current));
    if (this.server.process.exitCode !== null) throw new Violation(`the server exited with ${this.server.process.exitCode}: ${this.server.stderr()}`);
    if (/uncaught|unhandled rejection/i.test(this.server.stderr())) throw new Violation(`the server logged an uncaught error: ${this.server.stderr().slice(-500)}`);
  }

  /** Resident memory of the server process, in MB. */
  residentMb(): number {
    const status = readFileSync(`/proc/${this.server.process.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  }

  logs(): string {
    return this.server.stderr();
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}
