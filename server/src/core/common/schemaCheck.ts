// Checks one object (from JSON or YAML) against its schema the way its consumer decodes it.
// A dialect says how: Go CNI plugins match keys case-insensitively and ignore unknown keys and
// null; the Kubernetes API server matches keys exactly. The check builds the value the consumer
// would see (keys in their canonical spelling), validates it with ajv, and maps every problem
// back to the exact key or value in the text.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { JsonNode } from './json';
import { describeType } from './json';
import { finding, type Finding, type Fix, type Severity } from './findings';
import { closest } from './similar';
import { resolveRef, type JsonSchema } from './jsonSchema';

interface Located {
  key?: JsonNode;
  value: JsonNode;
}

export interface Dialect {
  /** Prefix of the diagnostic codes, e.g. "cni" gives "cni/wrong-type". */
  prefix: string;
  /** Go's encoding/json matches keys regardless of case; the Kubernetes API server does not. */
  caseInsensitiveKeys: boolean;
  /** CNI plugins treat null as "not set": worth a warning. */
  warnNull: boolean;
  unknownKeySeverity: Severity;
  /** What happens when the consumer meets a wrong value, e.g. "fails to decode the config". */
  rejection: string;
  /** YAML documents take plain scalars in fixes where they are safe; JSON always quotes. */
  yaml?: boolean;
  /** What the consumer does with an unknown key (default: ignores it). */
  unknownKeyEffect?: string;
}

export interface SchemaTarget {
  schema: JsonSchema;
  validate: ValidateFunction;
}

export interface ObjectCheck {
  dialect: Dialect;
  /** Words for messages, e.g. "the bridge plugin". */
  owner: string;
  /** Report keys the schema does not know (off when the plugin itself is unknown). */
  reportUnknownKeys: boolean;
  /** Keys at the top level whose content another check looks at (e.g. `ipam`). */
  delegated?: string[];
  /** Where to report a key missing from the object itself: its `type` value reads best. */
  anchor?: JsonNode;
  /** Required top-level keys whose absence (or null value, which counts as absent) the caller reports itself, with a more specific code and message. */
  reportsMissing?: string[];
  /** Only report problems at JSON pointers this accepts (a workload's networking parts, say). */
  scope?: (pointer: string) => boolean;
}

export function checkAgainstSchema(node: JsonNode, target: SchemaTarget, check: ObjectCheck, report: (f: Finding) => void): void {
  const root = target.schema;
  const scope = check.scope;
  const instance = new InstanceWalker(root, check, report).build(node, root, '', true);
  const validate = target.validate;
  if (validate(instance)) return;
  // Only now, for the few objects with errors, are the nodes behind the errors' pointers needed:
  // the same walk again records them (and reports nothing a second time).
  const located = new Map<string, Located>();
  new InstanceWalker(root, check, report, located).build(node, root, '', true);
  const errors = validate.errors ?? [];
  // One mistake, one finding: a value of the wrong type gets only the type error (its enum, pattern
  // or range errors follow from it); what lies inside a delegated object is left to the check it
  // is delegated to; a missing key the caller reports itself is left to the caller.
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  for (const error of errors) {
    if (scope && !scope(error.instancePath)) continue;
    if (error.keyword !== 'type' && wrongType.has(error.instancePath)) continue;
    if (insideDelegatedObject(error.instancePath, check.delegated, instance)) continue;
    if (error.keyword === 'required' && error.instancePath === '' && check.reportsMissing?.includes(error.params.missingProperty as string)) continue;
    const f = describeError(error, located, check, root);
    if (!f) continue;
    const id = `${f.start}:${f.end}:${f.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      report(f);
    }
  }
}

/** A schema's property names, worked out once per schema rather than at every object checked against it. */
interface KnownKeys {
  names: string[];
  exact: Set<string>;
  byLowerCase: Map<string, string>;
}

const knownKeysCache = new WeakMap<Record<string, JsonSchema>, KnownKeys>();

function knownKeys(properties: Record<string, JsonSchema>): KnownKeys {
  let keys = knownKeysCache.get(properties);
  if (!keys) {
    const names = Object.keys(properties);
    keys = { names, exact: new Set(names), byLowerCase: new Map(names.map((k) => [k.toLowerCase(), k])) };
    knownKeysCache.set(properties, keys);
  }
  return keys;
}

class InstanceWalker {
  /**
   * The canonical key names of the objects being walked and the key nodes that last wrote them,
   * shared down the recursion: each object uses the entries from where it started and removes
   * them when done, so finding a repeated key allocates no map per object.
   */
  private readonly names: string[] = [];
  private readonly keyNodes: JsonNode[] = [];

  constructor(
    private readonly root: JsonSchema,
    private readonly check: ObjectCheck,
    private readonly report: (f: Finding) => void,
    /** Given, the walk records where each pointer is in the text and reports nothing (the first walk did). */
    private readonly located?: Map<string, Located>,
  ) {}

  /** Findings outside the check's scope are dropped, so they are not worth phrasing (or looking up a suggestion for). */
  private wants(pointer: string): boolean {
    return !this.located && (!this.check.scope || this.check.scope(pointer));
  }

  build(node: JsonNode, schema: JsonSchema | undefined, pointer: string, top = false, key?: JsonNode): unknown {
    this.located?.set(pointer, { key, value: node });
    schema = resolveRef(schema, this.root);
    if (node.type === 'array') {
      return (node.children ?? []).map((child, i) => this.build(child, schema?.items, `${pointer}/${i}`));
    }
    if (node.type !== 'object') return node.value;
    const result: Record<string, unknown> = {};
    const keys = schema?.properties ? knownKeys(schema.properties) : undefined;
    const known = keys?.names;
    const names = this.names;
    const base = names.length;
    for (const property of node.children ?? []) {
      const keyNode = property.children?.[0];
      const valueNode = property.children?.[1];
      if (!keyNode || !valueNode) continue;
      const written = String(keyNode.value);
      const canonical = keys?.exact.has(written) ? written : this.check.dialect.caseInsensitiveKeys ? keys?.byLowerCase.get(written.toLowerCase()) : undefined;
      const name = canonical ?? written;
      if (canonical && canonical !== written) this.reportCase(keyNode, written, canonical, childPointer(pointer, name));
      if (!canonical && known && this.check.reportUnknownKeys && schema?.additionalProperties === undefined) {
        this.reportUnknown(keyNode, written, known, childPointer(pointer, name));
      }
      const earlier = names.indexOf(name, base);
      if (earlier >= 0) {
        this.reportDuplicate(this.keyNodes[earlier], name, childPointer(pointer, name));
        this.keyNodes[earlier] = keyNode;
      } else {
        names.push(name);
        this.keyNodes.push(keyNode);
      }
      if (valueNode.type === 'null') {
        this.located?.set(childPointer(pointer, name), { key: keyNode, value: valueNode });
        // A required key that is null gets one error, as missing, not also this warning.
        if (this.check.dialect.warnNull && !this.required(schema, name, top)) this.reportNull(keyNode, valueNode, name, childPointer(pointer, name));
        delete result[name];
        continue;
      }
      if (top && this.check.delegated?.includes(name)) {
        result[name] = rawValue(valueNode);
        const at = childPointer(pointer, name);
        this.located?.set(at, { key: keyNode, value: valueNode });
        // The entries of a delegated list are still checked here (a plugin that is not an object): point at them.
        if (valueNode.type === 'array') (valueNode.children ?? []).forEach((entry, i) => this.located?.set(`${at}/${i}`, { value: entry }));
        continue;
      }
      const childSchema = schema?.properties?.[name] ??
        (typeof schema?.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      // The consumer skips an empty value here (Go's `if x != ""`), so its format does not apply.
      if (valueNode.value === '' && childSchema?.['x-emptyIsUnset']) continue;
      result[name] = valueNode.type !== 'object' && valueNode.type !== 'array' && !this.located
        ? valueNode.value
        : this.build(valueNode, childSchema, childPointer(pointer, name), false, keyNode);
    }
    names.length = base;
    this.keyNodes.length = base;
    return result;
  }

  /** True for a key the schema requires, or one the caller reports missing itself. */
  private required(schema: JsonSchema | undefined, name: string, top: boolean): boolean {
    return !!schema?.required?.includes(name) || (top && !!this.check.reportsMissing?.includes(name));
  }

  private reportCase(keyNode: JsonNode, written: string, canonical: string, pointer: string): void {
    if (!this.wants(pointer)) return;
    this.report(finding(keyNode.offset, keyNode.offset + keyNode.length, 'warning', `${this.check.dialect.prefix}/key-case`,
      `"${written}" is read as "${canonical}": plugins match keys regardless of case, but the usual spelling is "${canonical}".`,
      [renameFix(keyNode, canonical, this.check.dialect)]));
  }

  private reportUnknown(keyNode: JsonNode, written: string, known: string[], pointer: string): void {
    if (!this.wants(pointer)) return;
    const suggestion = closest(written, known);
    const message = `Unknown key "${written}": ${this.check.owner} ${this.check.dialect.unknownKeyEffect ?? 'ignores it'}.` + (suggestion ? ` Did you mean "${suggestion}"?` : '');
    this.report(finding(keyNode.offset, keyNode.offset + keyNode.length, this.check.dialect.unknownKeySeverity, `${this.check.dialect.prefix}/unknown-key`, message,
      suggestion ? [renameFix(keyNode, suggestion, this.check.dialect)] : undefined));
  }

  private reportDuplicate(earlier: JsonNode, name: string, pointer: string): void {
    if (!this.wants(pointer)) return;
    const f = finding(earlier.offset, earlier.offset + earlier.length, 'warning', `${this.check.dialect.prefix}/duplicate-key`,
      `"${name}" is set again further down; the last value wins, so this one has no effect.`);
    this.report({ ...f, tags: ['unnecessary'] });
  }

  private reportNull(keyNode: JsonNode, valueNode: JsonNode, name: string, pointer: string): void {
    if (!this.wants(pointer)) return;
    const f = finding(keyNode.offset, valueNode.offset + valueNode.length, 'warning', `${this.check.dialect.prefix}/null-value`,
      `"${name}" is null, which plugins treat as not set: the default applies. Give it a value or remove it.`);
    this.report({ ...f, tags: ['unnecessary'] });
  }
}

/** A property's JSON pointer: made only where needed, since most values are scalars that report nothing. */
function childPointer(pointer: string, name: string): string {
  return `${pointer}/${escape(name)}`;
}

function describeError(error: ErrorObject, located: Map<string, Located>, check: ObjectCheck, root: JsonSchema): Finding | undefined {
  const at = nearestLocated(located, error.instancePath);
  if (!at) return undefined;
  const name = keyName(error.instancePath);
  const code = (rule: string) => `${check.dialect.prefix}/${rule}`;
  const rejects = `${check.owner} ${check.dialect.rejection}`;
  const subject = name ? `"${name}"` : 'This value';
  const span = (n: JsonNode) => [n.offset, n.offset + n.length] as const;
  const [start, end] = span(at.value);
  const schema = resolveRef(error.parentSchema as JsonSchema, root) ?? {};
  switch (error.keyword) {
    case 'type': {
      const expected = ([] as string[]).concat(error.params.type as string | string[]).map(article).join(' or ');
      if (schema.enum?.length) {
        // The enum error at this value is dropped (one mistake, one finding), so this one names the values.
        const values = schema.enum.map(String);
        const suggestion = closest(String(error.data), values);
        return finding(start, end, 'error', code('wrong-type'),
          `${subject} must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}, not ${describeType(at.value)}: ${rejects} otherwise.`,
          (suggestion ? [suggestion] : values).slice(0, 5).map((v, i) => ({
            title: `Change to ${JSON.stringify(v)}`, edits: [{ start, end, newText: literal(v, check.dialect) }], preferred: i === 0 && !!suggestion,
          })));
      }
      return finding(start, end, 'error', code('wrong-type'),
        `${subject} must be ${expected}, not ${describeType(at.value)}: ${rejects} otherwise.`,
        typeFixes(at.value, error.params.type as string));
    }
    case 'enum': {
      const allowed = (schema.enum ?? []).map((v) => JSON.stringify(v));
      const suggestion = typeof error.data === 'string' ? closest(error.data, (schema.enum ?? []).map(String)) : undefined;
      const fixes = (suggestion ? [suggestion] : schema.enum?.map(String) ?? []).slice(0, 5).map((v, i) => ({
        title: `Change to "${v}"`, edits: [{ start, end, newText: literal(v, check.dialect) }], preferred: i === 0 && !!suggestion,
      }));
      return finding(start, end, 'error', code('invalid-value'),
        `${subject} must be one of ${allowed.join(', ')}; ${JSON.stringify(error.data)} is not accepted by ${check.owner}.`, fixes);
    }
    case 'const':
      return undefined; // only the selecting `type` carries a const, and it matched to get here
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return finding(start, end, 'error', code('out-of-range'), `${subject} must be ${rangeText(schema)}; ${check.owner} rejects ${JSON.stringify(error.data)}.`);
    case 'minLength':
      return finding(start, end, 'error', code('invalid-value'), `${subject} must not be empty.`);
    case 'maxLength':
      return finding(start, end, 'error', code('invalid-value'), `${subject} must be at most ${schema.maxLength} characters long.`);
    case 'minItems':
      return finding(start, end, 'error', code('invalid-value'),
        `${subject} must have at least ${schema.minItems} ${schema.minItems === 1 ? 'entry' : 'entries'}; ${check.owner} rejects an empty list.`);
    case 'maxItems':
      return finding(start, end, 'error', code('invalid-value'), `${subject} may have at most ${error.params.limit} ${error.params.limit === 1 ? 'entry' : 'entries'}; ${check.owner} rejects more.`);
    case 'uniqueItems':
      return finding(start, end, 'error', code('invalid-value'),
        `${subject} lists the same entry twice (entries ${Math.min(Number(error.params.i), Number(error.params.j)) + 1} and ${Math.max(Number(error.params.i), Number(error.params.j)) + 1}); ${check.owner} rejects duplicates.`);
    case 'pattern':
      return finding(start, end, 'error', code('invalid-value'), `${subject} ${schema['x-patternMessage'] ?? `must match ${schema.pattern}`}.`);
    case 'format':
      return finding(start, end, 'error', code('invalid-address'), formatMessage(subject, error.data, error.params.format as string));
    case 'required': {
      const missing = error.params.missingProperty as string;
      const target = at.key ?? (error.instancePath === '' ? check.anchor : undefined);
      const [s, e] = target ? span(target) : [at.value.offset, at.value.offset + 1];
      const where = error.instancePath ? ` in ${subject}` : '';
      // Consumers read null as not set: point at the key that holds it, not at its object.
      const held = located.get(`${error.instancePath}/${escape(missing)}`);
      if (held?.key && held.value.type === 'null') {
        return finding(held.key.offset, held.key.offset + held.key.length, 'error', code('missing-key'),
          `"${missing}"${where} is null, which counts as not set, but ${check.owner} needs it. Give it a value.`);
      }
      return finding(s, e, 'error', code('missing-key'), `Missing "${missing}"${where}: ${check.owner} needs it.`);
    }
    default:
      return finding(start, end, 'error', code('invalid-value'), `${subject} ${error.message ?? 'is not valid'}.`);
  }
}

/**
 * True for a pointer below a delegated top-level key that passes through an object on the way:
 * the delegate checks the content of that object (an `ipam` section) against the same schema. The
 * key's own value and the entries of a delegated array (a plugin that is not an object) stay here.
 */
function insideDelegatedObject(pointer: string, delegated: string[] | undefined, instance: unknown): boolean {
  const segments = pointer.split('/').slice(1).map(unescape);
  if (segments.length < 2 || !delegated?.includes(segments[0])) return false;
  let value = instance;
  for (const segment of segments.slice(0, -1)) {
    if (typeof value !== 'object' || value === null) return false;
    value = (value as Record<string, unknown>)[segment];
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return true;
  }
  return false;
}

/** The located node for a pointer, or for its nearest ancestor when the value was taken over raw. */
function nearestLocated(located: Map<string, Located>, pointer: string): Located | undefined {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const at = located.get(p);
    if (at || p === '') return at;
  }
}

function formatMessage(subject: string, value: unknown, format: string): string {
  const shown = JSON.stringify(value);
  if (format === 'cidr') return `${subject}: ${shown} is not a CIDR; write an address and a prefix length, such as 10.22.0.0/16.`;
  if (format === 'mac') return `${subject}: ${shown} is not a MAC address; write six hex pairs, such as c2:11:22:33:44:55.`;
  return `${subject}: ${shown} is not an IP address; write an IPv4 or IPv6 address without a prefix, such as 10.22.0.1.`;
}

function rangeText(schema: JsonSchema): string {
  if (schema.minimum !== undefined && schema.maximum !== undefined) return `between ${schema.minimum} and ${schema.maximum}`;
  if (schema.minimum !== undefined) return `at least ${schema.minimum}`;
  return `at most ${schema.maximum}`;
}

/** Offers to fix the common type slips: a quoted number or boolean, an unquoted string. */
function typeFixes(node: JsonNode, expected: string | string[]): Fix[] {
  const want = ([] as string[]).concat(expected);
  const edit = (newText: string, title: string): Fix[] => [{ title, edits: [{ start: node.offset, end: node.offset + node.length, newText }], preferred: true }];
  if (node.type === 'string') {
    const text = String(node.value).trim();
    if ((want.includes('integer') || want.includes('number')) && /^-?\d+(\.\d+)?$/.test(text)) return edit(text, `Remove the quotes: ${text}`);
    if (want.includes('boolean') && /^(true|false)$/i.test(text)) return edit(text.toLowerCase(), `Remove the quotes: ${text.toLowerCase()}`);
  }
  if (want.includes('string') && (node.type === 'number' || node.type === 'boolean')) return edit(JSON.stringify(String(node.value)), 'Put the value in quotes');
  return [];
}

function renameFix(keyNode: JsonNode, to: string, dialect: Dialect): Fix {
  return { title: `Rename to "${to}"`, edits: [{ start: keyNode.offset, end: keyNode.offset + keyNode.length, newText: literal(to, dialect) }], preferred: true };
}

function article(type: string): string {
  return { integer: 'an integer', number: 'a number', string: 'a string', boolean: 'a boolean (true or false)', array: 'an array', object: 'an object', null: 'null' }[type] ?? type;
}

function keyName(pointer: string): string | undefined {
  const last = pointer.split('/').pop();
  if (!last || /^\d+$/.test(last)) {
    const parts = pointer.split('/').filter(Boolean);
    const named = [...parts].reverse().find((p) => !/^\d+$/.test(p));
    return named ? unescape(named) + (last ? `[${last}]` : '') : undefined;
  }
  return unescape(last);
}

function escape(key: string): string {
  // Most keys hold neither character; label and annotation keys often hold a slash.
  if (!key.includes('~') && !key.includes('/')) return key;
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

function unescape(key: string): string {
  return key.replace(/~1/g, '/').replace(/~0/g, '~');
}

function rawValue(node: JsonNode): unknown {
  if (node.type === 'object') return Object.fromEntries((node.children ?? []).filter((p) => p.children?.[1]).map((p) => [p.children![0].value, rawValue(p.children![1])]));
  if (node.type === 'array') return (node.children ?? []).map(rawValue);
  return node.value;
}

/** A string as the document's language writes it: quoted in JSON, plain in YAML where that reads the same. */
function literal(value: string, dialect: Dialect): string {
  const plainIsSafe = /^[A-Za-z_][A-Za-z0-9._/-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(value);
  return dialect.yaml && plainIsSafe ? value : JSON.stringify(value);
}
