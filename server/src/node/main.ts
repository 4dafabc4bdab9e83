// Node entry of the language server: `node dist/server.js --stdio` (or IPC when started by VS Code).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { setFlagsFromString } from 'node:v8';
import { startServer } from '../lsp/server';

// V8 grows the young generation to 32 MB while a large file is analysed and keeps it that size.
// A language server works in short bursts and lives long, so it keeps the smallest one.
setFlagsFromString('--semi-space-growth-factor=1');

const connection = createConnection(ProposedFeatures.all);
// A bug must cost one answer, not the whole server: log it and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));
startServer(connection);
