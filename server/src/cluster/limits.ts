// The cluster session's default limits, in a module of their own so that `cnikit inspect` can show
// them in its help without loading the cluster code.

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_CHUNK_SIZE = 250;
export const DEFAULT_MAX_ITEMS = 10_000;
