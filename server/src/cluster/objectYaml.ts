// One object from the cluster as YAML for the read-only view: fetched fresh, without the
// server's bookkeeping (managedFields), multi-line strings (CNI configs, net-conf.json) as blocks
// so CNIKit's embedded-JSON features work on them.
import { Document, isScalar, Scalar, visit } from 'yaml';
import type { KubeObject } from './api';
import type { ObjectRef } from './model';
import type { ClusterSession } from './session';

export async function readObjectYaml(session: ClusterSession, ref: ObjectRef): Promise<string> {
  const where = ref.namespace ? ` in namespace ${ref.namespace}` : '';
  const object = await session.api.getJson<KubeObject>(ref.path, {}, `get on ${ref.kind} ${ref.name}${where}`);
  return objectToYaml(object);
}

export function objectToYaml(object: KubeObject): string {
  const { apiVersion, kind, metadata, ...rest } = object;
  const { managedFields: _managedFields, ...meta } = metadata ?? { name: '' };
  const doc = new Document({ apiVersion, kind, metadata: meta, ...rest });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
    },
  });
  return doc.toString({ lineWidth: 0 });
}
