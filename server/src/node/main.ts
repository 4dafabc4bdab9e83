// The language server over Node: dist/server-main.js, which dist/server.js (launch.ts) runs.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';

const connection = createConnection(ProposedFeatures.all);
// A bug must cost one answer, not the whole server: log it and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));
startServer(connection);
