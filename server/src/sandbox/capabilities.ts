// runtimeConfig the sandbox plays runtime for. libcni copies a capability's argument into
// runtimeConfig only when the plugin declares the capability true and the runtime has an
// argument for it. We act as a runtime with arguments for two capabilities only, the ones a
// pod commonly gets (a hostPort, a bandwidth annotation), so that portmap and bandwidth do
// real work; every other capability (ips, mac, ipRanges, dns, ...) gets nothing, as from a
// runtime that has no such argument, because sample values there would change what the
// config means (e.g. an `ips` request outside the user's range).

export const SAMPLE_CAPABILITY_ARGS: Readonly<Record<string, unknown>> = {
  // A pod with `ports: [{containerPort: 80, hostPort: 8080}]`.
  portMappings: [{ hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
  // A pod annotated kubernetes.io/ingress-bandwidth: 10M and egress-bandwidth: 10M; bursts
  // as the kubelet sets them (math.MaxInt32, "no limit").
  bandwidth: { ingressRate: 10_000_000, ingressBurst: 2147483647, egressRate: 10_000_000, egressBurst: 2147483647 },
};

/** The runtimeConfig libcni would inject, or undefined when it would inject none. */
export function runtimeConfigFor(capabilities: unknown): Record<string, unknown> | undefined {
  if (typeof capabilities !== 'object' || capabilities === null) return undefined;
  const rc: Record<string, unknown> = {};
  for (const [cap, enabled] of Object.entries(capabilities)) {
    if (enabled === true && cap in SAMPLE_CAPABILITY_ARGS) rc[cap] = structuredClone(SAMPLE_CAPABILITY_ARGS[cap]);
  }
  return Object.keys(rc).length > 0 ? rc : undefined;
}
