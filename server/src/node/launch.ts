// Entry of the language server, `node dist/server.js --stdio` (or IPC when VS Code starts it):
// sets up the process, then runs the server bundle (dist/server-main.js, from main.ts) through
// V8's code cache.
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { codeCacheFolder, runCached } from './codeCache';

// V8 grows the young generation to 32 MB while a large file is analysed and keeps it that size.
// A language server works in short bursts and lives long, so it keeps the smallest one. (Set
// before compiling: V8 rejects a code cache made under other flags.)
setFlagsFromString('--semi-space-growth-factor=1');

// Saved three seconds in, when the first files opened have usually been analysed, so their code is in it.
runCached(join(__dirname, 'server-main.js'), codeCacheFolder(), 3000);
