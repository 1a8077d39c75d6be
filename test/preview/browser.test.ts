// The preview page in headless Chromium under its real CSP: the XSS corpus must run nothing and load
// nothing remote, our own script must work, and a screenshot is kept (test-results/preview.png).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { analyze } from '../../server/src/core/index.js';
import { renderPage, renderPreviewHtml, renderStandaloneReport, type PageOptions } from '../../server/src/preview/index.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '../..');
const RESULTS = join(ROOT, 'test-results');
const fixture = (name: string) => readFileSync(join(ROOT, 'test/fixtures/preview', name), 'utf8');
const available = existsSync(CHROMIUM);

if (!available) {
  const line = '!'.repeat(78);
  console.error(`\n${line}\n!!! SKIPPED: preview browser test. ${CHROMIUM} is missing, so the XSS/CSP checks did NOT run.\n!!! Install it: apt-get update && apt-get install -y chromium\n${line}\n`);
}

/** Everything a page did that a preview must never do, plus what our own script posted. */
interface Observed {
  dialogs: string[];
  console: string[];
  errors: string[];
  requests: string[];
  /** Requests the page's CSP refused before they left the renderer (Playwright still reports them). */
  cspBlocked: string[];
  navigations: string[];
}

describe.skipIf(!available)('preview page in Chromium', () => {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let profile: string;
  const pages = new Map<string, string>();
  /** Remote requests that got past the page's CSP to the network layer (and were refused there by the test). */
  const reachedNetwork: string[] = [];

  const options = (extra: Partial<PageOptions> = {}): PageOptions => ({
    nonce: Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64'),
    cspSource: origin,
    scriptUri: `${origin}/media/preview.js`,
    styleUri: `${origin}/media/preview.css`,
    allowRemoteImages: false,
    ...extra,
  });
  const page = (text: string, extra: Partial<PageOptions> = {}) => renderPreviewHtml(text, analyze(text), options(extra));

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = request.url ?? '/';
      const media = /^\/media\/(preview\.(js|css))$/.exec(path);
      if (media) {
        response.writeHead(200, { 'content-type': media[2] === 'js' ? 'text/javascript' : 'text/css' });
        response.end(readFileSync(join(ROOT, 'media', media[1])));
      } else if (pages.has(path)) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(pages.get(path));
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), 'preview-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
      viewport: { width: 1000, height: 900 },
    });
    // The webview's API, recorded (init scripts run before the page, outside its CSP).
    await context.addInitScript(() => {
      const w = window as unknown as { __posted: unknown[]; __state: unknown; acquireVsCodeApi: () => unknown };
      w.__posted = [];
      w.acquireVsCodeApi = () => ({
        postMessage: (message: unknown) => w.__posted.push(message),
        getState: () => w.__state,
        setState: (state: unknown) => (w.__state = state),
      });
    });
    // Nothing leaves the machine: remote requests are recorded (page.on('request')) and refused here.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin)) return route.continue();
      reachedNetwork.push(url);
      return route.abort();
    });
  });

  afterAll(async () => {
    await context?.close();
    server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function open(path: string, html: string): Promise<{ tab: Page; seen: Observed }> {
    pages.set(path, html);
    const tab = await context.newPage();
    const seen: Observed = { dialogs: [], console: [], errors: [], requests: [], cspBlocked: [], navigations: [] };
    reachedNetwork.splice(0);
    tab.on('dialog', (dialog) => {
      seen.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    tab.on('console', (message) => seen.console.push(`${message.type()}: ${message.text()}`));
    tab.on('pageerror', (error) => seen.errors.push(error.message));
    tab.on('request', (request) => seen.requests.push(request.url()));
    tab.on('requestfailed', (request) => {
      if (request.failure()?.errorText === 'csp') seen.cspBlocked.push(request.url());
    });
    tab.on('framenavigated', (frame) => seen.navigations.push(frame.url()));
    await tab.goto(origin + path, { waitUntil: 'load' });
    // Long enough for a meta refresh, lazy images, autofocus and toggle events to have fired.
    await tab.waitForTimeout(1500);
    return { tab, seen };
  }

  const remote = (seen: Observed) => seen.requests.filter((url) => !url.startsWith(origin));

  it('runs no script of the document and loads nothing remote (XSS corpus)', async () => {
    const { tab, seen } = await open('/xss', page(fixture('xss.md')));
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(seen.console).toEqual([]); // not even a CSP report: the sanitizer left the CSP nothing to block
    expect(remote(seen)).toEqual([]);
    expect(reachedNetwork).toEqual([]);
    expect(seen.requests.map((url) => url.slice(origin.length)).sort()).toEqual(['/media/preview.css', '/media/preview.js', '/xss']);
    expect(seen.navigations).toEqual([`${origin}/xss`]);
    const dom = await tab.evaluate(() => ({
      scripts: [...document.scripts].map((s) => s.src),
      dangerous: [...document.querySelectorAll('iframe, object, embed, frame, meta[http-equiv="refresh"], base, form, svg, math, style, link:not([rel="stylesheet"])')].map((e) => e.outerHTML),
      inBody: [...document.body.querySelectorAll('link, meta')].length,
      handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`)),
      links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
      images: document.images.length,
      title: document.title,
    }));
    expect(dom.scripts).toEqual([`${origin}/media/preview.js`]);
    expect(dom.dangerous).toEqual([]);
    expect(dom.inBody).toBe(0);
    expect(dom.handlers).toEqual([]);
    expect(dom.links.filter((href) => !/^https:\/\//.test(href!))).toEqual([]);
    expect(dom.images).toBe(0);
    expect(dom.title).toBe("Postmortem: Hostile alert('title') Input");
    await tab.close();
  });

  it('enforces the CSP even on markup that skipped the sanitizer', async () => {
    const hostile = [
      '<script>alert("inline")</script>',
      '<img src="https://evil.example/csp.png" onerror="alert(\'onerror\')">',
      '<p id="click" onclick="alert(\'onclick\')">click</p>',
      '<iframe srcdoc="<script>parent.alert(\'srcdoc\')</script>"></iframe>',
      '<link rel="stylesheet" href="https://evil.example/csp.css">',
    ].join('\n');
    const { tab, seen } = await open('/csp', renderPage('CSP', hostile, options()));
    await tab.click('#click');
    await tab.waitForTimeout(300);
    expect(seen.dialogs).toEqual([]);
    // The browser, not our code, refused them before any left the page, and says so on the console.
    expect(reachedNetwork).toEqual([]);
    expect(remote(seen).sort()).toEqual(['https://evil.example/csp.css', 'https://evil.example/csp.png']);
    expect(seen.cspBlocked.sort()).toEqual(remote(seen).sort());
    expect(seen.console.filter((m) => m.includes('Content Security Policy')).length).toBeGreaterThanOrEqual(4);
    await tab.close();
  });

  it('loads remote images only when the setting allows them', async () => {
    const md = '# Graphs\n\n![latency](https://images.example/latency.png)\n';
    const blocked = await open('/images-off', page(md));
    expect(remote(blocked.seen)).toEqual([]);
    expect(reachedNetwork).toEqual([]);
    await blocked.tab.close();
    const allowed = await open('/images-on', page(md, { allowRemoteImages: true }));
    expect(reachedNetwork).toEqual(['https://images.example/latency.png']);
    await allowed.tab.close();
  });

  it('our script, by nonce: click and Enter reveal lines, updates keep the scroll position', async () => {
    const text = fixture('queue-backlog.md') + '\n' + 'More notes.\n\n'.repeat(80);
    const { tab, seen } = await open('/interactive', page(text));
    expect(seen.console).toEqual([]);
    const posted = () => tab.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted.splice(0));
    expect(await posted()).toEqual([{ type: 'ready' }]);

    await tab.click('.timeline li[data-line="13"] .text');
    expect(await posted()).toEqual([{ type: 'reveal', line: 13 }]);
    await tab.click('.markdown h2[data-line="10"]');
    expect(await posted()).toEqual([{ type: 'reveal', line: 10 }]);
    // Links keep their own behaviour (VS Code opens them); here, just do not navigate away.
    await tab.evaluate(() => document.addEventListener('click', (e) => (e.target as Element).closest('a') && e.preventDefault(), true));
    await tab.click('.markdown a[href^="https://tickets.example.com"]');
    expect(await posted()).toEqual([]);

    // Keyboard: Tab reaches the entries; Enter reveals the focused one.
    await tab.focus('.problems li[data-line="34"]');
    await tab.keyboard.press('Enter');
    expect(await posted()).toEqual([{ type: 'reveal', line: 34 }]);
    const focusable = await tab.evaluate(() => [...document.querySelectorAll('[tabindex="0"]')].every((e) => e.hasAttribute('data-line')));
    expect(focusable).toBe(true);

    await tab.evaluate(() => window.scrollTo(0, 900));
    const updated = page(text.replace('Backlog drained to half.', 'Backlog drained to a third.'));
    const body = /<main id="root" class="postmortem-preview">\n([\s\S]*)\n<\/main>/.exec(updated)![1];
    await tab.evaluate((html) => window.postMessage({ type: 'update', html }, '*'), body);
    await tab.waitForFunction(() => document.body.textContent!.includes('drained to a third'));
    expect(await tab.evaluate(() => window.scrollY)).toBe(900);
    expect(seen.navigations).toHaveLength(1); // replaced in place, not reloaded
    await tab.close();
  });

  it('follows the editor cursor: scrolls to and marks the block, and the timeline entry, the cursor is in', async () => {
    const text = fixture('queue-backlog.md') + '\n## Appendix\n\n' + 'More notes.\n\n'.repeat(80) + 'Last words.\n';
    const { tab, seen } = await open('/follow', page(text));
    expect(seen.console).toEqual([]);
    // The page asks for the cursor once its script runs (messages sent before were lost).
    expect(await tab.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted)).toContainEqual({ type: 'ready' });
    const lines = text.split('\n');
    const cursor = (line: number) => tab.evaluate((l) => window.postMessage({ type: 'cursor', line: l }, '*'), line);
    const marked = () => tab.evaluate(() => [...document.querySelectorAll('.cursor')].map((e) => `${e.closest('section')?.className}:${e.tagName}:${e.getAttribute('data-line')}`));
    const visible = (selector: string) => tab.evaluate((s) => {
      const box = document.querySelector(s)!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }, selector);

    // Far down, in the appendix: the page scrolls there.
    const last = lines.indexOf('Last words.');
    await cursor(last);
    await tab.waitForFunction(() => window.scrollY > 0);
    expect(await visible(`.markdown [data-line="${last}"]`)).toBe(true);
    expect(await marked()).toEqual([`document:P:${last}`]);

    // On a timeline entry: the entry on the timeline axis comes into view and is marked, with its list item.
    const entryLine = lines.findIndex((line) => /^- \*\*\d\d:\d\d/.test(line));
    await cursor(entryLine);
    await tab.waitForFunction((l) => document.querySelector(`section.timeline li[data-line="${l}"]`)!.classList.contains('cursor'), entryLine);
    expect(await visible(`section.timeline li[data-line="${entryLine}"]`)).toBe(true);
    expect((await marked()).sort()).toEqual([`document:LI:${entryLine}`, `timeline:LI:${entryLine}`].sort());

    // An update keeps the mark and does not scroll.
    const y = await tab.evaluate(() => window.scrollY);
    const body = /<main id="root" class="postmortem-preview">\n([\s\S]*)\n<\/main>/.exec(page(text.replace('Last words.', 'Final words.')))![1];
    await tab.evaluate((html) => window.postMessage({ type: 'update', html }, '*'), body);
    await tab.waitForFunction(() => document.body.textContent!.includes('Final words'));
    expect(await tab.evaluate(() => window.scrollY)).toBe(y);
    expect(await marked()).toContain(`timeline:LI:${entryLine}`);
    await tab.close();
  });

  it('the standalone page is styled by its nonce\'d inline CSS and runs nothing', async () => {
    const files = [{ name: 'queue-backlog.md', text: fixture('queue-backlog.md'), analysis: analyze(fixture('queue-backlog.md')) }];
    const html = renderStandaloneReport(files, { nonce: options().nonce, allowRemoteImages: false, css: readFileSync(join(ROOT, 'media/preview.css'), 'utf8') });
    const { tab, seen } = await open('/standalone', html);
    expect(seen.console).toEqual([]);
    expect(seen.requests).toEqual([`${origin}/standalone`]);
    expect(await tab.evaluate(() => getComputedStyle(document.querySelector('.summary')!).borderTopLeftRadius)).toBe('6px');
    await tab.close();
  });

  it('a narrow action table wraps owner names between words, never inside one', async () => {
    const text = '# Postmortem: x\n\n## Corrective and Preventative Measures\n\n- **Fix:** Rotate the signing keys for every partner integration before the next quarterly rotation window (owner: Konstantinos Papadopoulos, due 2024-06-01)\n';
    const { tab } = await open('/narrow-actions', page(text));
    await tab.setViewportSize({ width: 420, height: 800 });
    const split = await tab.evaluate(() => {
      const cell = document.querySelector('.action-table tbody td:nth-child(2)')!;
      const node = cell.firstChild!;
      const words: string[] = [];
      // A word drawn as more than one box is broken across lines.
      for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index!);
        range.setEnd(node, match.index! + match[0].length);
        if (range.getClientRects().length > 1) words.push(match[0]);
      }
      return { owner: cell.textContent, words };
    });
    expect(split).toEqual({ owner: 'Konstantinos Papadopoulos', words: [] });
    await tab.close();
  });

  it('saves a screenshot of the preview, in a dark VS Code theme', async () => {
    const { tab } = await open('/screenshot', page(fixture('queue-backlog.md').replace('- **15:20:**', '- **15:02:** Deploy of the fix starts.\n- **14:50:**')));
    // What VS Code puts on a webview for Dark Modern: the theme's colours as CSS variables, a class on the body.
    await tab.evaluate(() => {
      const theme: Record<string, string> = {
        'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc', 'descriptionForeground': '#9d9d9d', 'panel-border': '#2b2b2b',
        'sideBar-background': '#181818', 'textLink-foreground': '#4daafc', 'focusBorder': '#0078d4', 'editorError-foreground': '#f85149',
        'editorWarning-foreground': '#cca700', 'editorInfo-foreground': '#3794ff', 'textCodeBlock-background': '#2b2b2b',
        'list-hoverBackground': '#2a2d2e', 'font-size': '13px', 'font-family': 'system-ui, sans-serif',
      };
      for (const [name, value] of Object.entries(theme)) document.documentElement.style.setProperty(`--vscode-${name}`, value);
      document.body.classList.add('vscode-dark');
    });
    await tab.setViewportSize({ width: 900, height: 1250 });
    mkdirSync(RESULTS, { recursive: true });
    await tab.screenshot({ path: join(RESULTS, 'preview.png') });
    expect(readFileSync(join(RESULTS, 'preview.png')).subarray(1, 4).toString()).toBe('PNG');
    await tab.close();
  });
});
