// Reads the config `cnikit try` runs: a .conflist or .conf as it is, or the CNI JSON inside a
// NetworkAttachmentDefinition's spec.config in a YAML file (`--document N` picks the document).
import { parseAllDocuments } from 'yaml';
import { UsageError } from './files';

export function configToTry(path: string, text: string, document?: number): string {
  if (!/\.ya?ml$/i.test(path)) return text;
  const docs = parseAllDocuments(text, { version: '1.1' });
  const list = Array.isArray(docs) ? docs : [docs];
  const nads = list.map((doc, i) => ({ doc, number: i + 1 })).filter(({ doc }) => doc.get('kind') === 'NetworkAttachmentDefinition');
  if (document !== undefined) {
    const chosen = list[document - 1];
    if (!chosen) throw new UsageError(`${path} has ${list.length} document(s); there is no document ${document}`);
    if (chosen.get('kind') !== 'NetworkAttachmentDefinition') throw new UsageError(`document ${document} of ${path} is not a NetworkAttachmentDefinition`);
    return nadConfig(path, chosen, document);
  }
  if (nads.length === 0) throw new UsageError(`${path} has no NetworkAttachmentDefinition`);
  if (nads.length > 1) throw new UsageError(`${path} has ${nads.length} NetworkAttachmentDefinitions (documents ${nads.map((n) => n.number).join(', ')}); pick one with --document N`);
  return nadConfig(path, nads[0].doc, nads[0].number);
}

function nadConfig(path: string, doc: ReturnType<typeof parseAllDocuments>[number] & object, number: number): string {
  if ('errors' in doc && doc.errors.length) throw new UsageError(`document ${number} of ${path} is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const config = doc.getIn(['spec', 'config']);
  const name = String(doc.getIn(['metadata', 'name']) ?? '');
  if (config === undefined || config === null || config === '') {
    throw new UsageError(`the NetworkAttachmentDefinition "${name}" has no spec.config: it delegates to a config file on the node named "${name}", which cnikit cannot see`);
  }
  if (typeof config !== 'string') throw new UsageError(`spec.config of "${name}" must be a string holding CNI JSON`);
  // Multus fills in the network name from the NAD when the config leaves it out.
  try {
    const parsed = JSON.parse(config);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && parsed.name === undefined && name) {
      return JSON.stringify({ name, ...parsed });
    }
  } catch {
    // not JSON: hand it over as it is and let the plugin say so
  }
  return config;
}
