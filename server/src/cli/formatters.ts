// Output formats of `cnikit lint`: stylish for people, json for scripts, SARIF for code scanning.
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../core';

export interface LintDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

export type Format = 'stylish' | 'json' | 'sarif';

export function format(kind: Format, diagnostics: LintDiagnostic[], version: string): string {
  if (kind === 'json') return JSON.stringify({ diagnostics }, null, 2);
  if (kind === 'sarif') return JSON.stringify(sarif(diagnostics, version), null, 2);
  return stylish(diagnostics);
}

function stylish(diagnostics: LintDiagnostic[]): string {
  if (diagnostics.length === 0) return '';
  const lines: string[] = [];
  let current = '';
  for (const d of diagnostics) {
    if (d.file !== current) {
      if (current) lines.push('');
      lines.push(d.file);
      current = d.file;
    }
    lines.push(`  ${`${d.line}:${d.column}`.padEnd(8)} ${d.severity.padEnd(7)}  ${d.message}  ${d.code}`);
  }
  const count = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push('', `${plural(diagnostics.length, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info, ${plural(count('hint'), 'hint')})`);
  return lines.join('\n');
}

function sarif(diagnostics: LintDiagnostic[], version: string) {
  const rules = [...new Set(diagnostics.map((d) => d.code))].sort();
  const level = (s: Severity) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'cnikit', version, informationUri: 'https://github.com/cnikit/cnikit', rules: rules.map((id) => ({ id })) } },
      results: diagnostics.map((d) => ({
        ruleId: d.code,
        ruleIndex: rules.indexOf(d.code),
        level: level(d.severity),
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: artifactUri(d.file) },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        }],
      })),
    }],
  };
}

/** SARIF wants a URI: an absolute path becomes a file: URL, a relative one stays relative, percent-encoded. */
function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(sep === '\\' ? /[\\/]/ : '/').map(encodeURIComponent).join('/');
}
