// Which language service a document belongs to, decided from its name and language id the way
// runtimes decide: `.conflist` is a list, any other CNI file a single plugin.
import type { ConfigShape } from './cni/model';
import { parseJson, propertyLoose } from './common/json';

export type DocumentKind = { language: 'cni'; shape: ConfigShape | 'auto' } | { language: 'yaml' } | { language: 'none' };

export function documentKind(uri: string, languageId?: string): DocumentKind {
  const path = uri.toLowerCase().split(/[?#]/)[0];
  if (path.endsWith('.conflist')) return { language: 'cni', shape: 'list' };
  if (path.endsWith('.conf') || (path.endsWith('.json') && languageId !== 'cni')) {
    return path.endsWith('.conf') || languageId === 'json' || languageId === undefined ? { language: 'cni', shape: 'single' } : { language: 'none' };
  }
  if (languageId === 'cni') return { language: 'cni', shape: 'auto' };
  if (path.endsWith('.yaml') || path.endsWith('.yml') || languageId === 'yaml') return { language: 'yaml' };
  return { language: 'none' };
}

/** True when a JSON text is a CNI config (used to pick `*.json` files out of a folder). */
export function looksLikeCni(text: string): boolean {
  const root = parseJson(text).root;
  if (root?.type !== 'object') return false;
  const has = (key: string) => !!propertyLoose(root, key);
  return has('cniVersion') || (has('plugins') && has('name')) || (has('type') && has('name') && has('ipam'));
}
