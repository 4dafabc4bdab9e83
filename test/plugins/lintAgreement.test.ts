// The linter agrees with the real plugins: every corpus file the plugins reject because of the
// config gets an error from `cnikit lint` at a key; every file they accept gets none. The plugins'
// verdicts themselves are recorded and re-checked against the real binaries by sandbox.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/core';
import { corpusCases, readCase, readExpected } from './cniCorpus';
import { doc } from '../helpers/cursor';

const service = createLanguageService();

for (const c of corpusCases()) {
  test(`${c.folder}/${c.name}: lint agrees with the plugins`, () => {
    const diagnostics = service.validate(doc(readCase(c), c.name));
    const errors = diagnostics.filter((d) => d.severity === 1).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
    if (c.folder === 'reject') {
      const plugin = readExpected(c);
      assert.ok(errors.length > 0, `the ${plugin?.plugin} plugin rejects it ("${plugin?.msg}"), lint found no error`);
      // At the offending key or value: a short, non-empty range, never the whole file.
      const document = doc(readCase(c), c.name);
      for (const d of diagnostics.filter((x) => x.severity === 1)) {
        const length = document.offsetAt(d.range.end) - document.offsetAt(d.range.start);
        assert.ok(length > 0 && length < document.getText().length / 2, `${d.code} spans ${length} characters`);
      }
    } else {
      assert.deepEqual(errors, [], `the plugins' verdict for ${c.folder}/ is not a config error, lint reports errors`);
    }
    if (c.folder === 'version-1.1.0') assert.ok(diagnostics.some((d) => d.code === 'cni/version-1.1' && d.severity === 3));
  });
}
