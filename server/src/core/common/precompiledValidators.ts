// Stand-in for the loader of the validators generated at build time: when esbuild.mjs bundles, it
// puts in its place a loader of dist/validators.pack (written by the same build). Here, as under
// tsx, there are none, and validators.ts compiles each schema on first use instead.

/** Validator key → the source of its factory (see scripts/build/precompileValidators.ts), read when asked for. */
export function loadPrecompiled(): ((key: string) => string | undefined) | undefined {
  return undefined;
}
