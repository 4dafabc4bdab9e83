// Node entry of the language server: `node dist/server.js --stdio` (or IPC when started by VS Code).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';

const connection = createConnection(ProposedFeatures.all);
// A bug must cost one answer, not the whole server: log it and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));
startServer(connection);
