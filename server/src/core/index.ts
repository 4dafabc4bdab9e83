// The core's public surface: the server, the CLI and the tests import only from here.
export { createLanguageService, defaultSettings, type LanguageService, type ServiceSettings } from './languageService';
export { documentKind, looksLikeCni } from './documents';
export type { Finding, Severity } from './common/findings';
export type { IndexEntry } from './workspace/workspace';
