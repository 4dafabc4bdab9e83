// Every Kubernetes and CRD schema the service ships (see schemas/k8s/index.json), imported so
// that esbuild inlines them. A test checks this list against the index.
import type { JsonSchema } from '../common/jsonSchema';

export const k8sSchemas: JsonSchema[] = [];
