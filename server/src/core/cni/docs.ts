// Markdown documentation for keys, values and plugins, shared by hover and completion.
import type { JsonSchema } from './schemaRegistry';

export function typeLabel(schema: JsonSchema): string {
  if (schema.enum) return 'string';
  const type = ([] as string[]).concat(schema.type ?? 'any');
  const items = schema.items?.type;
  return type.map((t) => (t === 'array' && typeof items === 'string' ? `${items}[]` : t)).join(' | ');
}

export function keyDocs(key: string, schema: JsonSchema, owner: string, fallbackUrl?: string): string {
  const lines = [`**${key}** · \`${typeLabel(schema)}\` · ${owner}`, ''];
  if (schema.description) lines.push(schema.description, '');
  if (schema.deprecationMessage) lines.push(`*Deprecated:* ${schema.deprecationMessage}`, '');
  if (schema.enum) {
    lines.push('Allowed values:');
    schema.enum.forEach((value, i) => {
      const about = schema.enumDescriptions?.[i];
      lines.push(`- \`${JSON.stringify(value)}\`${about ? `: ${about}` : ''}`);
    });
    lines.push('');
  }
  const facts: string[] = [];
  if (schema.default !== undefined) facts.push(`Default: \`${JSON.stringify(schema.default)}\``);
  if (schema.minimum !== undefined || schema.maximum !== undefined) facts.push(`Range: ${schema.minimum ?? '…'} to ${schema.maximum ?? '…'}`);
  if (schema['x-since']) facts.push(`Since plugins ${schema['x-since']}; older releases ignore it`);
  if (facts.length) lines.push(facts.join(' · '), '');
  const example = keyExample(schema);
  if (example !== undefined) lines.push('Example:', '```json', `"${key}": ${JSON.stringify(example)}`, '```', '');
  const url = schema['x-docUrl'] ?? fallbackUrl;
  if (url) lines.push(`[Upstream documentation](${url})`);
  return lines.join('\n').trim();
}

/** The example a key's docs show: the first one its schema lists, else its first allowed value, else one derived from its type, default or format. */
export function keyExample(schema: JsonSchema): unknown {
  return schema.examples?.[0] ?? (schema.enum ? schema.enum[0] : undefined) ?? fallbackExample(schema);
}

const sampleByFormat: Record<string, string> = { ip: '10.22.0.1', cidr: '10.22.0.0/16', mac: 'c2:11:22:33:44:55' };

/**
 * An example for a key whose schema gives none: a boolean set the other way than its default, the
 * default, a sample of its format, or, for the `ipam` key (whose schema is the IPAM plugin's), the plugin's snippet.
 */
function fallbackExample(schema: JsonSchema): unknown {
  if (schema.type === 'boolean') return schema.default !== true;
  if (schema['x-cni']?.snippet) return schema['x-cni'].snippet;
  if (schema.default !== undefined) return schema.default;
  const format = (s: JsonSchema | undefined) => (s?.format ? sampleByFormat[s.format] : undefined);
  if (schema.type === 'array') {
    const item = format(schema.items);
    return item === undefined ? undefined : [item];
  }
  return format(schema);
}

export function pluginDocs(schema: JsonSchema): string {
  const meta = schema['x-cni'];
  const kind = meta ? { interface: 'interface plugin', meta: 'meta (chained) plugin', ipam: 'IPAM plugin' }[meta.kind] : 'plugin';
  const lines = [`**${schema.title}** · ${kind}${meta?.project ? ` · ${meta.project}` : ''}`, ''];
  if (schema.description) lines.push(schema.description, '');
  if (meta?.capabilities.length) lines.push(`Capabilities it reads: ${meta.capabilities.map((c) => `\`${c}\``).join(', ')}`, '');
  if (meta?.versions.length) lines.push(`cniVersion: ${meta.versions.join(', ')}`, '');
  if (meta?.snippet) lines.push('Example:', '```json', JSON.stringify(meta.snippet, null, 2), '```', '');
  if (meta?.docUrl) lines.push(`[Upstream documentation](${meta.docUrl})`);
  return lines.join('\n').trim();
}
