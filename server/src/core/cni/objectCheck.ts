// Schema checks for the objects of a CNI config, in the dialect of Go plugins.
import type { Finding } from '../common/findings';
import type { JsonNode } from '../common/json';
import { checkAgainstSchema, type Dialect } from '../common/schemaCheck';
import type { SchemaRegistry, UnitKind } from './schemaRegistry';

export const cniDialect: Dialect = {
  prefix: 'cni',
  caseInsensitiveKeys: true,
  warnNull: true,
  unknownKeySeverity: 'warning',
  rejection: 'fails to decode the config',
};

export interface CniObjectCheck {
  kind: UnitKind;
  /** The plugin or IPAM type that picked the schema, if known. */
  type?: string;
  owner: string;
  reportUnknownKeys: boolean;
  delegated?: string[];
  anchor?: JsonNode;
  /** Required keys whose absence (or null value) the caller reports itself (a plugin without `type`). */
  reportsMissing?: string[];
}

/** The findings that came from a schema check rather than from a rule, for analyze's dedupe step. */
const fromSchema = new WeakSet<Finding>();

export function isSchemaFinding(f: Finding): boolean {
  return fromSchema.has(f);
}

export function checkObject(registry: SchemaRegistry, node: JsonNode, check: CniObjectCheck, report: (f: Finding) => void): void {
  const target = { schema: registry.schemaFor(check.kind, check.type), validate: registry.validatorFor(check.kind, check.type) };
  checkAgainstSchema(node, target, { ...check, dialect: cniDialect }, (f) => {
    fromSchema.add(f);
    report(f);
  });
}
