// End-to-end harness: the real VS Code workbench (code-server, see scripts/workbench.mjs) with the
// CNIKit .vsix installed, driven in Debian's Chromium through playwright-core.
//
// Every wait here is a condition with a timeout and a message saying what was expected and what
// was seen; nothing sleeps for a fixed time. Screenshots go to test-results/e2e/ (one per step()
// and one on every failure), logs (code-server, VS Code's own logs including the CNIKit output
// channel, the browser console) to test-results/e2e/logs/<session>/.
//
// Where the machine lacks Chromium or cannot provision code-server, tests skip with a loud message
// naming what to install, except with CI=true, where they fail.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { TestContext } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { codeServerPath, provisionCodeServer, ProvisionError } from '../../scripts/provision-code-server.mjs';
import { startWorkbench, type Workbench } from '../../scripts/workbench.mjs';

export const repoRoot = resolve(__dirname, '..', '..');
export const resultsDir = join(repoRoot, 'test-results', 'e2e');
export const chromiumPath = process.env.CNIKIT_CHROMIUM ?? '/usr/bin/chromium';
export const defaultVsix = join(repoRoot, 'dist', 'cnikit.vsix');
export const EXTENSION_ID = 'cnikit.cnikit';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const isCI = process.env.CI === 'true';

/** Default timeout of one condition wait. The first language-server answer can take longer on 2 cores. */
export const TIMEOUT = Number(process.env.CNIKIT_E2E_TIMEOUT ?? 30_000);

// ---------------------------------------------------------------------------------------------
// Prerequisites: skip loudly, or fail in CI.

let prerequisites: Promise<string | undefined> | undefined;

/** Undefined when the e2e suite can run here, else why not (naming what to install). */
export function e2eUnavailable(): Promise<string | undefined> {
  prerequisites ??= (async () => {
    if (!existsSync(chromiumPath)) {
      return `Chromium is missing at ${chromiumPath}: install Debian's chromium (sudo bash scripts/setup-system.sh)`;
    }
    try {
      await provisionCodeServer({ log: (line) => console.error(line) });
    } catch (error) {
      const message = error instanceof ProvisionError || error instanceof Error ? error.message : String(error);
      return `code-server could not be provisioned: ${message}`;
    }
    return undefined;
  })();
  return prerequisites;
}

let bannerShown = false;

function banner(message: string): string {
  const line = '!'.repeat(Math.min(100, message.length + 8));
  return `\n${line}\n!!! ${message}\n${line}\n`;
}

/**
 * Call first in every e2e test: resolves true when it may run. Otherwise, with CI=true it throws
 * (the suite fails loudly); elsewhere it marks the test skipped and prints why, loudly.
 */
export async function requireE2E(t: TestContext): Promise<boolean> {
  const reason = await e2eUnavailable();
  if (!reason) return true;
  if (isCI) throw new Error(`E2E cannot run in CI: ${reason}`);
  if (!bannerShown) console.error(banner(`E2E SKIPPED: ${reason}`));
  bannerShown = true;
  t.skip(`E2E skipped: ${reason}`);
  return false;
}

// ---------------------------------------------------------------------------------------------
// The .vsix under test.

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

const vsixInputs = ['client', 'server', 'schemas', 'syntaxes', 'images', 'package.json', 'esbuild.mjs', 'README.md', '.vscodeignore'];

async function waitForLock(lock: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return openSync(lock, 'wx');
    } catch {
      // a lock older than the timeout is left over from a killed run
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > timeoutMs) rmSync(lock, { force: true });
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${lock} (another run packaging the .vsix?)`);
      await new Promise((r) => setTimeout(r, 200)); // polling interval
    }
  }
}

/**
 * The .vsix to test: dist/cnikit.vsix, rebuilt with `npm run package` when missing or older than
 * the sources (set CNIKIT_VSIX to test another one as it is). A failed build fails the test.
 */
let vsixPromise: Promise<string> | undefined;

export function ensureVsix(): Promise<string> {
  vsixPromise ??= buildVsixIfStale(); // once per process: a failed build fails every test asking
  return vsixPromise;
}

async function buildVsixIfStale(): Promise<string> {
  if (process.env.CNIKIT_VSIX) return resolve(process.env.CNIKIT_VSIX);
  const sourcesChanged = () => newestMtime(defaultVsix) < Math.max(...vsixInputs.map((p) => newestMtime(join(repoRoot, p))));
  if (existsSync(defaultVsix) && !sourcesChanged()) return defaultVsix;
  mkdirSync(join(repoRoot, '.vscode-test'), { recursive: true });
  const lock = join(repoRoot, '.vscode-test', 'package.lock');
  const fd = await waitForLock(lock, 300_000);
  try {
    if (existsSync(defaultVsix) && !sourcesChanged()) return defaultVsix; // built while we waited
    console.error('e2e: dist/cnikit.vsix is missing or older than the sources: running npm run package');
    const started = Date.now();
    const r = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
    if (r.status !== 0 || !existsSync(defaultVsix)) {
      const out = `${r.stdout ?? ''}${r.stderr ?? ''}`
        .split('\n')
        .filter((line) => line.trim() && !/Unknown (user|env) config "nodedir"/.test(line))
        .slice(-15)
        .join('\n');
      throw new Error(`npm run package failed (exit ${r.status}), so there is no .vsix to test:\n${out}`);
    }
    console.error(`e2e: packaged dist/cnikit.vsix in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return defaultVsix;
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Sessions: a workbench and a browser page on it.

export interface OpenOptions {
  /** The .vsix to install (default: dist/cnikit.vsix, built when stale); false for none. */
  vsix?: string | false;
  /** Work on a temporary copy of the folder (default true), so edits never touch the repo. */
  copy?: boolean;
  /** Extra VS Code user settings. */
  settings?: Record<string, unknown>;
  /** Name used for screenshots and logs (default: the folder's name). */
  name?: string;
  viewport?: { width: number; height: number };
}

export interface Session {
  name: string;
  workbench: Workbench;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The folder the workbench has open (the temporary copy unless copy: false). */
  folder: string;
  /** Seconds from start to code-server answering, and to `.monaco-workbench` showing. */
  timings: { serverSeconds: number; workbenchSeconds: number };
  close(): Promise<void>;
}

const sessions = new WeakMap<Page, Session>();
let shotCounter = 0;

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'shot';
}

/** Starts the workbench on `folder` with the .vsix installed and opens it in Chromium. */
export async function openWorkbench(folder: string, opts: OpenOptions = {}): Promise<Session> {
  const reason = await e2eUnavailable();
  if (reason) throw new Error(`E2E cannot run: ${reason}`);
  const name = slug(opts.name ?? basename(folder));
  const logDir = join(resultsDir, 'logs', name);
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });

  const vsix = opts.vsix === false ? undefined : (opts.vsix ?? (await ensureVsix()));
  let workspace = resolve(folder);
  let copyRoot: string | undefined;
  if (opts.copy !== false) {
    copyRoot = mkdtempSync(join(tmpdir(), 'cnikit-e2e-ws-'));
    workspace = join(copyRoot, basename(folder));
    cpSync(folder, workspace, { recursive: true });
  }

  let workbench: Workbench | undefined;
  let browser: Browser | undefined;
  const started = Date.now();
  try {
    workbench = await startWorkbench({ vsix, folder: workspace, settings: opts.settings, logFile: join(logDir, 'code-server.log') });
    const serverSeconds = (Date.now() - started) / 1000;
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: workbench.baseUrl });
    const page = await context.newPage();
    const consoleLog: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleLog.push(`[${m.type()}] ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleLog.push(`[pageerror] ${e.message}`));
    await page.goto(workbench.url);
    await waitUntil(page, 'the workbench (.monaco-workbench) to load', async () => page.locator('.monaco-workbench').isVisible(), { timeout: 60_000 });
    // the explorer shows the folder once the workbench has connected to the server
    await waitUntil(page, `the explorer to show the folder ${basename(workspace)}`, async () =>
      (await page.locator('.explorer-folders-view .monaco-list-row').count()) > 0 ||
      (await page.locator('.explorer-viewlet .pane-header', { hasText: basename(workspace) }).count()) > 0, { timeout: 60_000 });
    const workbenchSeconds = (Date.now() - started) / 1000;
    const wb = workbench;
    const br = browser;
    let closed: Promise<void> | undefined;
    const session: Session = {
      name,
      workbench: wb,
      browser: br,
      context,
      page,
      folder: workspace,
      timings: { serverSeconds, workbenchSeconds },
      close: () =>
        (closed ??= (async () => {
          writeFileSync(join(logDir, 'browser-console.log'), consoleLog.join('\n') + '\n');
          try {
            wb.collectLogs(join(logDir, 'vscode'));
          } catch {
            /* best effort */
          }
          await br.close().catch(() => {});
          await wb.stop();
          if (copyRoot) rmSync(copyRoot, { recursive: true, force: true });
        })()),
    };
    sessions.set(page, session);
    return session;
  } catch (error) {
    await browser?.close().catch(() => {});
    if (workbench) {
      try {
        workbench.collectLogs(join(logDir, 'vscode'));
      } catch {
        /* best effort */
      }
      await workbench.stop();
    }
    if (copyRoot) rmSync(copyRoot, { recursive: true, force: true });
    throw error;
  }
}

/**
 * One workbench shared by the tests of a file (or describe block), opened by the first test that
 * asks for it. `get(t)` resolves undefined when the test was skipped (see requireE2E); when opening
 * failed, every test asking fails with the same error (a failing before() hook would only mark
 * the tests cancelled). Call `close()` from after().
 */
export function sharedSession(folder: string, opts: OpenOptions = {}): { get(t: TestContext): Promise<Session | undefined>; close(): Promise<void> } {
  let opening: Promise<Session> | undefined;
  return {
    async get(t) {
      if (!(await requireE2E(t))) return undefined;
      opening ??= openWorkbench(folder, opts);
      const session = await opening;
      t.diagnostic(`workbench ${session.name}: code-server answered after ${session.timings.serverSeconds.toFixed(1)}s, workbench loaded after ${session.timings.workbenchSeconds.toFixed(1)}s`);
      return session;
    },
    async close() {
      const session = await opening?.catch(() => undefined);
      await session?.close();
    },
  };
}

/**
 * The shared session's page with `file` open as it is on disk and no widget showing (and, given
 * `language`, once the status bar shows it); undefined when the test is skipped.
 */
export async function openFresh(shared: ReturnType<typeof sharedSession>, t: TestContext, file: string, language?: string): Promise<Page | undefined> {
  const session = await shared.get(t);
  if (!session) return undefined;
  const { page } = session;
  await dismissWidgets(page);
  await openFile(page, file);
  await runCommand(page, 'File: Revert File');
  if (language) await waitForLanguage(page, language);
  return page;
}

// ---------------------------------------------------------------------------------------------
// Waiting and evidence.

/**
 * Polls `check` until it returns something truthy (returned), or fails after `timeout` with
 * "timed out waiting for <what>" plus what `seen()` reports and a screenshot.
 */
export async function waitUntil<T>(
  page: Page,
  what: string,
  check: () => Promise<T | undefined | null | false>,
  options: { timeout?: number; seen?: () => Promise<string>; quiet?: boolean } = {},
): Promise<T> {
  const timeout = options.timeout ?? TIMEOUT;
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) break;
    await page.waitForTimeout(100); // polling interval between checks, not a fixed wait
  }
  let seen = '';
  try {
    seen = options.seen ? await options.seen() : '';
  } catch (error) {
    seen = `(could not tell: ${error instanceof Error ? error.message : error})`;
  }
  // inner waits of a retried step stay quiet: only the outer failure takes a screenshot
  const shot = options.quiet ? undefined : await screenshot(page, `FAILED-${what}`).catch(() => undefined);
  const details = [
    seen && `seen: ${seen}`,
    lastError ? `last error: ${lastError instanceof Error ? lastError.message.split('\n')[0] : lastError}` : '',
    shot && `screenshot: ${shot}`,
  ].filter(Boolean);
  throw new Error(`timed out after ${timeout / 1000}s waiting for ${what}${details.length ? `\n  ${details.join('\n  ')}` : ''}`);
}

/** Saves a screenshot into test-results/e2e/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const session = sessions.get(page);
  const file = join(resultsDir, `${session ? `${session.name}-` : ''}${String(++shotCounter).padStart(2, '0')}-${slug(name)}.png`);
  await page.screenshot({ path: file, timeout: 10_000, animations: 'disabled' });
  return file;
}

/** Runs one step of a test: a screenshot after it, and one (named FAILED-...) when it throws. */
export async function step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    const value = await fn();
    await screenshot(page, name);
    return value;
  } catch (error) {
    const shot = await screenshot(page, `FAILED-${name}`).catch(() => undefined);
    if (error instanceof Error) {
      error.message = `step "${name}" failed: ${error.message}${shot ? `\n  screenshot: ${shot}` : ''}`;
      throw error;
    }
    throw new Error(`step "${name}" failed: ${String(error)}`);
  }
}

async function visibleTexts(locator: Locator, max = 15): Promise<string[]> {
  const out: string[] = [];
  const n = Math.min(await locator.count(), max);
  for (let i = 0; i < n; i++) {
    const item = locator.nth(i);
    if (await item.isVisible().catch(() => false)) out.push(((await item.innerText().catch(() => '')) || '').replace(/\s+/g, ' ').trim());
  }
  return out;
}

const nbsp = /\u00a0/g;

// ---------------------------------------------------------------------------------------------
// Quick input (Ctrl+P, the command palette, Ctrl+G).

const quickInput = (page: Page) => page.locator('.quick-input-widget');
const quickInputRows = (page: Page) => page.locator('.quick-input-widget .quick-input-list .monaco-list-row');

async function quickInputOpen(page: Page, keys: string, what: string): Promise<void> {
  await page.keyboard.press(keys);
  await waitUntil(page, `the ${what} to open (after ${keys})`, async () => quickInput(page).isVisible());
}

async function quickInputClosed(page: Page, what: string): Promise<void> {
  await waitUntil(page, `the ${what} to close`, async () => !(await quickInput(page).isVisible()), {
    seen: async () => `rows ${JSON.stringify(await visibleTexts(quickInputRows(page)))}`,
  });
}

async function typeIntoQuickInput(page: Page, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.fill(text);
  await waitUntil(page, `the quick input to hold "${text}"`, async () => (await input.inputValue()) === text);
}

// ---------------------------------------------------------------------------------------------
// Editor.

const activeEditor = (page: Page) => page.locator('.editor-group-container.active .monaco-editor').first();

/** Opens a file of the workspace by its path relative to the folder (Ctrl+P, type, Enter). */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  const name = basename(relativePath);
  await focusWorkbench(page);
  await quickInputOpen(page, 'Control+P', 'quick open');
  await typeIntoQuickInput(page, relativePath);
  // the file search answers asynchronously: wait for a row naming the file
  const row = quickInputRows(page).filter({ has: page.locator('.label-name', { hasText: name }) }).first();
  await waitUntil(page, `quick open to list ${relativePath}`, async () => row.isVisible(), {
    seen: async () => `rows ${JSON.stringify(await visibleTexts(quickInputRows(page)))}`,
  });
  await page.keyboard.press('Enter');
  await quickInputClosed(page, 'quick open');
  const tab = page.locator('.editor-group-container.active .tab.active', { hasText: name });
  await waitUntil(page, `the editor tab of ${name} to be active`, async () => tab.isVisible(), {
    seen: async () => `tabs ${JSON.stringify(await visibleTexts(page.locator('.tabs-container .tab')))}`,
  });
  await waitUntil(page, `the editor of ${name} to show text and have focus`, async () =>
    (await activeEditor(page).locator('.view-line').count()) > 0 && (await activeEditor(page).evaluate((el) => el.classList.contains('focused'))),
  );
}

/** Gives the keyboard to the workbench (clicks nothing that changes state). */
async function focusWorkbench(page: Page): Promise<void> {
  if (!(await page.evaluate(() => document.hasFocus()))) await page.bringToFront();
}

/** Text of the status bar item "Ln X, Col Y" of the active editor. */
async function cursorStatus(page: Page): Promise<string> {
  return (await page.locator('[id="status.editor.selection"]').innerText().catch(() => '')).replace(nbsp, ' ').trim();
}

/** Moves the cursor of the active editor to 1-based `line`:`col` (Ctrl+G "line:col"). */
export async function setCursor(page: Page, line: number, col: number): Promise<void> {
  await activeEditor(page).locator('.view-lines').first().waitFor({ state: 'visible', timeout: TIMEOUT });
  await ensureEditorFocus(page);
  await quickInputOpen(page, 'Control+G', 'go to line');
  // Ctrl+G opens quick access with the ":" prefix of "go to line"; keep it
  await typeIntoQuickInput(page, `:${line}:${col}`);
  await page.keyboard.press('Enter');
  await quickInputClosed(page, 'go to line');
  await waitUntil(page, `the cursor to be at Ln ${line}, Col ${col}`, async () => (await cursorStatus(page)).startsWith(`Ln ${line}, Col ${col}`), {
    seen: async () => `status bar "${await cursorStatus(page)}" (a column past the end of the line is clamped)`,
  });
}

async function ensureEditorFocus(page: Page): Promise<void> {
  const editor = activeEditor(page);
  if (await editor.evaluate((el) => el.classList.contains('focused')).catch(() => false)) return;
  // focus the editor without moving the cursor: the command "View: Focus Active Editor Group"
  await page.keyboard.press('Control+1');
  await waitUntil(page, 'the active editor to have focus', async () => editor.evaluate((el) => el.classList.contains('focused')));
}

/**
 * Types `text` at `line`:`col` as a user would (auto-closing brackets and quotes apply: type the
 * opening `"` only and the editor adds the closing one, as in VS Code).
 */
export async function typeAt(page: Page, line: number, col: number, text: string): Promise<void> {
  await setCursor(page, line, col);
  await page.keyboard.type(text);
}

/** Replaces the whole text of the active editor (select all, then type through the clipboard). */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await ensureEditorFocus(page);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await waitUntil(page, 'the editor to hold the new text', async () => (await editorText(page)) === text, {
    seen: async () => JSON.stringify((await editorText(page)).slice(0, 300)),
  });
}

/**
 * The full text of the active editor, exactly (copied through the clipboard; the cursor and
 * selection are put back afterwards).
 */
export async function editorText(page: Page): Promise<string> {
  await ensureEditorFocus(page);
  const before = await cursorStatus(page);
  const marker = `\u0000cnikit-e2e-${Date.now()}`;
  await page.evaluate((m) => navigator.clipboard.writeText(m), marker);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  const text = await waitUntil(page, 'the editor text on the clipboard', async () => {
    const t = await page.evaluate(() => navigator.clipboard.readText());
    return t !== marker ? { t } : undefined;
  });
  // put the cursor back where it was
  const m = /^Ln (\d+), Col (\d+)/.exec(before);
  if (m) await setCursor(page, Number(m[1]), Number(m[2]));
  else await page.keyboard.press('Control+Home');
  return text.t;
}

/** The lines the active editor renders (no clipboard; only what is scrolled into view). */
export async function visibleEditorLines(page: Page): Promise<string[]> {
  return activeEditor(page).evaluate((el) =>
    [...el.querySelectorAll<HTMLElement>('.view-lines .view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ')),
  );
}

/** Presses Escape until no editor widget (suggest, hover, code actions) is showing. */
export async function dismissWidgets(page: Page): Promise<void> {
  const widgets = page.locator('.suggest-widget.visible, .monaco-hover:not(.hidden), .action-widget, .quick-input-widget:visible');
  for (let i = 0; i < 5 && (await widgets.count()) > 0 && (await widgets.first().isVisible().catch(() => false)); i++) {
    await page.keyboard.press('Escape');
  }
}

// ---------------------------------------------------------------------------------------------
// Completion.

const suggestWidget = (page: Page) => page.locator('.editor-widget.suggest-widget.visible');
const suggestRows = (page: Page) => suggestWidget(page).locator('.monaco-list-row');

async function suggestLabels(page: Page): Promise<string[]> {
  return suggestRows(page).evaluateAll((rows) =>
    rows.map((row) => (row.querySelector('.label-name')?.textContent ?? row.getAttribute('aria-label') ?? '').replace(/\u00a0/g, ' ').trim()),
  );
}

/**
 * Triggers completion at the cursor (Ctrl+Space) and returns the labels the suggest widget lists
 * (all of them: the list is scrolled through). The widget stays open; Escape closes it.
 */
export async function triggerCompletion(page: Page, options: { timeout?: number; quiet?: boolean } = {}): Promise<string[]> {
  await ensureEditorFocus(page);
  if (await suggestWidget(page).isVisible().catch(() => false)) await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Space');
  const message = suggestWidget(page).locator('.message');
  const state = await waitUntil(
    page,
    'the suggest widget to list suggestions (or say there are none)',
    async () => {
      if (!(await suggestWidget(page).isVisible())) return undefined;
      if ((await suggestRows(page).count()) > 0) return 'rows';
      const text = (await message.isVisible()) ? await message.innerText() : '';
      return text && !/loading/i.test(text) ? 'none' : undefined;
    },
    { timeout: options.timeout, quiet: options.quiet, seen: async () => `suggest widget visible: ${await suggestWidget(page).isVisible()}` },
  );
  if (state === 'none') return [];
  // the list is virtual: page through it to collect every label, then go back to the first
  const labels: string[] = [];
  const add = (more: string[]) => more.forEach((l) => labels.includes(l) || labels.push(l));
  add(await suggestLabels(page));
  const focused = () => suggestWidget(page).locator('.monaco-list-row.focused').getAttribute('aria-label', { timeout: 2_000 }).catch(() => null);
  let pages = 0;
  for (; pages < 50; pages++) {
    const before = await focused();
    await page.keyboard.press('PageDown');
    // the list re-renders on the next frame: wait for the focus to move (it does not at the end)
    const moved = await waitUntil(page, 'the suggest list to page down', async () => ((await focused()) !== before ? true : undefined), {
      timeout: 1_000,
      quiet: true,
    }).catch(() => false);
    add(await suggestLabels(page));
    if (!moved) break;
  }
  for (let i = 0; i < pages; i++) await page.keyboard.press('PageUp');
  return labels;
}

/**
 * Triggers completion until `predicate(labels)` holds (the language server may still be starting),
 * returning the labels; fails with the last labels seen.
 */
export async function waitForCompletion(page: Page, what: string, predicate: (labels: string[]) => boolean, options: { timeout?: number } = {}): Promise<string[]> {
  let last: string[] = [];
  return waitUntil(
    page,
    `completion to offer ${what}`,
    async () => {
      last = await triggerCompletion(page, { timeout: 10_000, quiet: true });
      if (predicate(last)) return last;
      await page.keyboard.press('Escape');
      return undefined;
    },
    { timeout: options.timeout ?? TIMEOUT * 2, seen: async () => `labels ${JSON.stringify(last)}` },
  );
}

// ---------------------------------------------------------------------------------------------
// Hover.

const hoverWidget = (page: Page) => page.locator('.monaco-hover:not(.hidden)').filter({ has: page.locator('.hover-contents, .hover-row') });

/**
 * Shows the hover at 1-based `line`:`col` (cursor there, then "Show or Focus Hover", Ctrl+K Ctrl+I)
 * and returns its text once it has any; empty string when VS Code says there is nothing to show.
 */
export async function hoverAt(page: Page, line: number, col: number, options: { timeout?: number; quiet?: boolean } = {}): Promise<string> {
  await dismissWidgets(page);
  await setCursor(page, line, col);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const text = await waitUntil(
    page,
    `a hover at ${line}:${col}`,
    async () => {
      if (!(await hoverWidget(page).first().isVisible())) return undefined;
      const t = (await hoverWidget(page).first().innerText()).replace(nbsp, ' ').trim();
      return t && !/^loading/i.test(t) ? { t } : undefined;
    },
    { timeout: options.timeout, quiet: options.quiet },
  );
  return text.t;
}

/** Like hoverAt, retried until the text matches (the language server may still be starting). */
export async function waitForHover(page: Page, line: number, col: number, expected: RegExp, options: { timeout?: number } = {}): Promise<string> {
  let last = '';
  return waitUntil(
    page,
    `the hover at ${line}:${col} to match ${expected}`,
    async () => {
      last = await hoverAt(page, line, col, { timeout: 5_000, quiet: true }).catch((e: Error) => `(no hover: ${e.message.split('\n')[0]})`);
      if (expected.test(last)) return last;
      await dismissWidgets(page);
      return undefined;
    },
    { timeout: options.timeout ?? TIMEOUT * 2, seen: async () => `hover text ${JSON.stringify(last.slice(0, 400))}` },
  );
}

// ---------------------------------------------------------------------------------------------
// Problems panel.

const markersPanel = (page: Page) => page.locator('.markers-panel');

/**
 * Opens the Problems panel (Ctrl+Shift+M when it is not showing) and returns its rows as text:
 * file rows ("basic.conflist (1)") and marker rows
 * ("error: <message> <source>(<code>) [Ln X, Col Y]", severity one of error, warning, info, hint).
 * Focus is given back to the editor.
 */
export async function problems(page: Page): Promise<string[]> {
  await dismissWidgets(page);
  if (!(await markersPanel(page).isVisible().catch(() => false))) {
    const editorHadFocus = await activeEditor(page).evaluate((el) => el.classList.contains('focused')).catch(() => false);
    await page.keyboard.press('Control+Shift+M');
    await waitUntil(page, 'the Problems panel to show', async () => markersPanel(page).isVisible());
    if (editorHadFocus) await ensureEditorFocus(page);
  }
  // rendered: either a tree or the "No problems have been detected" message
  await waitUntil(page, 'the Problems panel to render its rows or its empty message', async () =>
    (await markersPanel(page).locator('.monaco-list-row').count()) > 0 || (await markersPanel(page).locator('.message-box-container').isVisible()),
  );
  // (no named helper functions inside evaluate callbacks: tsx's __name() does not exist in the page)
  const rows = await markersPanel(page)
    .locator('.monaco-list-row')
    .evaluateAll((els) =>
      els
        .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
        .map((el) => {
          const part: Record<string, string> = {};
          for (const sel of ['.label-name', '.monaco-count-badge', '.marker-source', '.marker-code', '.marker-message', '.marker-line']) {
            part[sel] = (el.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();
          }
          const icon = el.querySelector('.marker-icon');
          if (!icon) {
            // a file row: "name (count)"
            const count = part['.monaco-count-badge'];
            return part['.label-name'] ? `${part['.label-name']}${count ? ` (${count})` : ''}` : ((el as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim();
          }
          const severity = ['error', 'warning', 'info'].find((s) => icon.classList.contains(s)) ?? 'hint';
          const source = part['.marker-source'];
          const code = part['.marker-code'];
          const origin = source || code ? ` ${source}${code ? `(${code})` : ''}` : '';
          return `${severity}: ${part['.marker-message']}${origin} ${part['.marker-line']}`.replace(/\u00a0/g, ' ').trim();
        }),
    );
  return rows.filter(Boolean);
}

/** Waits until a row of the Problems panel matches `expected`, returning it. */
export async function waitForProblem(page: Page, expected: RegExp, options: { timeout?: number } = {}): Promise<string> {
  let last: string[] = [];
  return waitUntil(
    page,
    `a row of the Problems panel to match ${expected}`,
    async () => {
      last = await problems(page);
      return last.find((row) => expected.test(row));
    },
    { timeout: options.timeout ?? TIMEOUT * 2, seen: async () => `rows ${JSON.stringify(last)}` },
  );
}

// ---------------------------------------------------------------------------------------------
// Commands and quick fixes.

/**
 * Runs a command by its title through the command palette (F1). The palette lists what is
 * registered when it opens, so while a command is missing (the extension's contributions are
 * still arriving) it is closed and opened again until the command shows or time runs out.
 */
export async function runCommand(page: Page, title: string, options: { timeout?: number; opensQuickInput?: boolean } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeout ?? TIMEOUT);
  // the exact title, else one ending in ": title" (its category omitted), else one containing it
  const findRow = async () => {
    const labels = await quickInputRows(page).evaluateAll((rows) =>
      rows.map((r) => (r.querySelector('.label-name')?.textContent ?? '').replace(/\u00a0/g, ' ').trim()),
    );
    const pick = [(l: string) => l === title, (l: string) => l.endsWith(`: ${title}`), (l: string) => l.includes(title)]
      .map((match) => labels.findIndex(match))
      .find((i) => i >= 0);
    return pick === undefined ? undefined : { pick };
  };
  for (;;) {
    await dismissWidgets(page);
    await quickInputOpen(page, 'F1', 'command palette');
    await typeIntoQuickInput(page, `>${title}`);
    const last = Date.now() + 10_000 >= deadline;
    const found = await waitUntil(page, `the command palette to list "${title}"`, findRow, {
      timeout: last ? Math.max(1_000, deadline - Date.now()) : 10_000,
      quiet: !last,
      seen: async () => `rows ${JSON.stringify(await visibleTexts(quickInputRows(page)))}`,
    }).catch((error: unknown) => {
      if (last) throw error;
      return undefined;
    });
    if (found) {
      await quickInputRows(page).nth(found.pick).click();
      if (options.opensQuickInput) {
        // the command asks its own question in the same widget: wait for the palette's ">" to go
        const input = page.locator('.quick-input-widget .quick-input-box input');
        await waitUntil(page, `"${title}" to replace the command palette`, async () =>
          !(await quickInput(page).isVisible()) || !(await input.inputValue()).startsWith('>'));
      } else {
        await quickInputClosed(page, 'command palette');
      }
      return;
    }
    await page.keyboard.press('Escape');
    await quickInputClosed(page, 'command palette');
  }
}

const actionWidget = (page: Page) => page.locator('.action-widget');
const actionRows = (page: Page) => actionWidget(page).locator('.monaco-list-row.action');

/**
 * Opens Quick Fix at the cursor (Ctrl+.) and applies the action whose title matches `title`
 * (a string: contained in the title; a RegExp: tested on it). Retries while the language server
 * has not answered yet; fails listing the actions offered.
 */
export async function applyQuickFix(page: Page, title: string | RegExp, options: { timeout?: number } = {}): Promise<void> {
  const matches = (text: string) => (typeof title === 'string' ? text.includes(title) : title.test(text));
  let offered: string[] = [];
  await ensureEditorFocus(page);
  const row = await waitUntil(
    page,
    `a quick fix ${typeof title === 'string' ? `"${title}"` : title}`,
    async () => {
      await dismissWidgets(page);
      await ensureEditorFocus(page);
      await page.keyboard.press('Control+.');
      // the widget shows the actions, or a "No code actions available" hint that goes away
      const appeared = await waitUntil(page, 'the code action widget', async () =>
        (await actionRows(page).count()) > 0 ? 'rows' : (await page.locator('.monaco-editor .message-hover, .monaco-editor-overlaymessage').isVisible()) ? 'none' : undefined,
        { timeout: 5_000, quiet: true },
      ).catch(() => 'none');
      if (appeared !== 'rows') return undefined;
      offered = await visibleTexts(actionRows(page), 50);
      const index = offered.findIndex(matches);
      return index >= 0 ? { index } : undefined;
    },
    { timeout: options.timeout ?? TIMEOUT * 2, seen: async () => `actions offered ${JSON.stringify(offered)}` },
  );
  // The widget takes the keyboard (a pointer block over the editor swallows clicks): move the
  // focus to the action with the arrow keys, check it is the one, and press Enter.
  const focusedIndex = async () => (await actionRows(page).evaluateAll((rows) => rows.findIndex((r) => r.classList.contains('focused'))));
  await waitUntil(page, `the quick fix "${offered[row.index]}" to have the focus`, async () => {
    const now = await focusedIndex();
    if (now === row.index) return true;
    await page.keyboard.press(now < row.index ? 'ArrowDown' : 'ArrowUp');
    return undefined;
  }, { timeout: 10_000, seen: async () => `focused row ${await focusedIndex()} of ${JSON.stringify(offered)}` });
  await page.keyboard.press('Enter');
  await waitUntil(page, 'the code action widget to close', async () => !(await actionWidget(page).isVisible()));
}

// ---------------------------------------------------------------------------------------------
// Status bar and extensions.

/** The language the status bar shows for the active editor (e.g. "CNI Network Config"). */
export async function statusBarLanguage(page: Page): Promise<string> {
  return (await page.locator('[id="status.editor.mode"]').innerText().catch(() => '')).replace(nbsp, ' ').trim();
}

/** Waits for the status bar's language indicator to read `expected`. */
export async function waitForLanguage(page: Page, expected: string, options: { timeout?: number } = {}): Promise<void> {
  await waitUntil(page, `the status bar language indicator to read "${expected}"`, async () => (await statusBarLanguage(page)) === expected, {
    timeout: options.timeout,
    seen: async () => `"${await statusBarLanguage(page)}"`,
  });
}

/** Ids of the extensions installed in the session's extensions dir (publisher.name). */
export function installedExtensions(session: Session): string[] {
  const bin = codeServerPath();
  if (!bin) return [];
  const r = spawnSync(bin, ['--extensions-dir', session.workbench.extensionsDir, '--user-data-dir', session.workbench.userDataDir, '--list-extensions'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return (r.stdout ?? '').split('\n').map((l) => l.trim().toLowerCase()).filter((l) => /^[\w-]+\.[\w-]+$/.test(l));
}
