// Services and Ingresses with type, ports and backends. Pure.
import type { KubeObject } from '../api';
import { arr, labelsText, num, rec, str, strings } from '../fields';
import type { IngressInfo, IngressRuleInfo, ServiceInfo } from '../model';
import { refTo, resources } from '../resources';

export function summariseService(service: KubeObject): ServiceInfo {
  const spec = rec(service.spec);
  const selector = labelsText(spec.selector);
  return {
    namespace: service.metadata.namespace ?? '',
    name: service.metadata.name,
    type: str(spec.type) ?? 'ClusterIP',
    clusterIP: str(spec.clusterIP),
    ports: arr(spec.ports).map(rec).map((p) => ({
      name: str(p.name),
      port: num(p.port) ?? 0,
      targetPort: p.targetPort === undefined ? undefined : String(p.targetPort),
      protocol: str(p.protocol) ?? 'TCP',
      nodePort: num(p.nodePort),
    })),
    selector: selector || undefined,
    externalName: str(spec.externalName),
    ref: refTo(resources.services, service),
  };
}

export function summariseIngress(ingress: KubeObject): IngressInfo {
  const spec = rec(ingress.spec);
  const rules: IngressRuleInfo[] = [];
  const fallback = rec(spec.defaultBackend);
  if (Object.keys(fallback).length) rules.push({ path: '(default)', backend: backendText(fallback) });
  for (const rule of arr(spec.rules).map(rec)) {
    for (const path of arr(rec(rule.http).paths).map(rec)) {
      rules.push({ host: str(rule.host), path: str(path.path) ?? '/', backend: backendText(rec(path.backend)) });
    }
  }
  return {
    namespace: ingress.metadata.namespace ?? '',
    name: ingress.metadata.name,
    className: str(spec.ingressClassName) ?? ingress.metadata.annotations?.['kubernetes.io/ingress.class'],
    rules,
    tlsHosts: arr(spec.tls).flatMap((t) => strings(rec(t).hosts)),
    ref: refTo(resources.ingresses, ingress),
  };
}

/** `web:80`, `web:http`, or a resource backend as `Kind/name`. */
function backendText(backend: Record<string, unknown>): string {
  const service = rec(backend.service);
  if (str(service.name)) {
    const port = rec(service.port);
    return `${str(service.name)}:${num(port.number) ?? str(port.name) ?? '?'}`;
  }
  const resource = rec(backend.resource);
  return str(resource.name) ? `${str(resource.kind) ?? 'resource'}/${str(resource.name)}` : '?';
}
