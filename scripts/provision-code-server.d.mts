// Types for scripts/provision-code-server.mjs (used by the TypeScript e2e harness).
export declare const CODE_SERVER_VERSION: string;
export declare const repoRoot: string;
export declare const cacheDir: string;
export declare class ProvisionError extends Error {}
/** Path of the code-server launcher, or undefined when it is not (completely) provisioned. */
export declare function codeServerPath(): string | undefined;
/** Throws a ProvisionError naming what to install when a prerequisite is missing. */
export declare function checkPrerequisites(): void;
export declare function prepareRipgrepCache(): string;
/** Path of the code-server launcher, installing code-server into .vscode-test/code-server on first use. */
export declare function provisionCodeServer(options?: { force?: boolean; verbose?: boolean; log?: (line: string) => void }): Promise<string>;
