// Drives VS Code's workbench in Chromium as a user does: keyboard, quick input, Problems panel.
// Every action waits for its effect on the page with a deadline.
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { TIMEOUT_SCALE, waitFor } from './wait.js';

export interface ProblemRow {
  /** File name the problem is listed under. */
  file: string;
  severity: 'error' | 'warning' | 'info' | 'unknown';
  message: string;
  /** The diagnostic's source, "postmortem" for ours. */
  source: string;
  /** The diagnostic's code: our rule name. */
  rule: string;
  line: number;
}

interface RawMarkerRow {
  index: number;
  level: number;
  last: boolean;
  file: string;
  severity: ProblemRow['severity'];
  message: string;
  source: string;
  code: string;
  line: number;
}

/**
 * Runs in the page: the Problems panel's rows as data (file rows are level 1, problems level 2).
 * No named inner functions: the test's TypeScript loader would wrap them in a helper the page lacks.
 */
function readMarkerRows(elements: Element[]): RawMarkerRow[] {
  return elements.map((row) => {
    const icon = row.querySelector('.marker-icon')?.className ?? '';
    const [file, message, source, code, line] = ['.resource-label-container .label-name', '.marker-message', '.marker-source', '.marker-code', '.marker-line']
      .map((selector) => row.querySelector(selector)?.textContent?.trim() ?? '');
    return {
      index: Number(row.getAttribute('data-index')),
      level: Number(row.getAttribute('aria-level')),
      last: row.getAttribute('data-last-element') === 'true',
      file: file!,
      severity: /\berror\b/.test(icon) ? 'error' : /\bwarning\b/.test(icon) ? 'warning' : /\binfo\b/.test(icon) ? 'info' : 'unknown',
      message: message!,
      source: source!,
      code: code!,
      line: Number(/Ln (\d+)/.exec(line!)?.[1] ?? 0),
    };
  });
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export class Workbench {
  private shotCount = 0;

  private constructor(readonly context: BrowserContext, readonly page: Page, readonly shotsDir: string, public label: string) {}

  /** A new browser context on `url`; `before` runs before navigation (e.g. to expose functions). */
  static async open(browser: Browser, url: string, shotsDir: string, label: string, before?: (page: Page) => Promise<void>): Promise<Workbench> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    // Clipboard access keeps the workbench from asking; nothing else is granted.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin }).catch(() => undefined);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000 * TIMEOUT_SCALE);
    await before?.(page);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    return new Workbench(context, page, shotsDir, label);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }

  /** The workbench is up and the explorer lists the folder's files. */
  async waitForExplorer(timeoutMs = 90_000): Promise<void> {
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: timeoutMs });
  }

  async screenshot(name: string): Promise<string> {
    const file = join(this.shotsDir, `${this.label}-${String(++this.shotCount).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  private quickInput() {
    return this.page.locator('.quick-input-widget');
  }

  /** Waits for a quick-input row whose label matches, then picks it with Enter. */
  private async pickQuickInputRow(match: (label: string) => boolean, what: string): Promise<void> {
    await waitFor(`${what} in the quick input list`, async () => {
      const labels = await this.quickInputLabels();
      // The first row is the focused one: Enter takes it.
      return labels.length > 0 && match(labels[0]!);
    }, 30_000);
    await this.page.keyboard.press('Enter');
  }

  async quickInputLabels(): Promise<string[]> {
    return this.quickInput().locator('.quick-input-list .monaco-list-row').evaluateAll((rows) =>
      rows
        .filter((row) => (row as HTMLElement).offsetParent !== null)
        .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
        .map((row) => (row.querySelector('.label-name, .monaco-icon-label-container .label-name') ?? row).textContent?.trim() ?? ''),
    );
  }

  async quickInputVisible(): Promise<boolean> {
    return this.quickInput().isVisible();
  }

  /** Quick Open (Control+P): types the file name, waits for its row, opens it, waits for its tab. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.quickInput().locator('input[type="text"]').first().waitFor({ state: 'visible' });
    await this.page.keyboard.type(name);
    await this.pickQuickInputRow((label) => label === name, `"${name}"`);
    await this.waitForActiveTab(name);
    await this.focusEditor();
  }

  async waitForActiveTab(name: string, timeoutMs = 15_000): Promise<void> {
    await waitFor(`the editor tab "${name}" to be active`, async () => {
      const title = await this.activeTabTitle();
      return title === name ? title : false;
    }, timeoutMs);
  }

  async activeTabTitle(): Promise<string | undefined> {
    const tab = this.page.locator('.editor-group-container.active .tab.active').first();
    return (await tab.count()) ? ((await tab.getAttribute('data-resource-name')) ?? undefined) : undefined;
  }

  /**
   * Focuses the text editor of the first group (Control+1), as a user would; focusing its
   * elements directly is wrong since the editor takes input through an EditContext, not a textarea.
   */
  async focusEditor(): Promise<void> {
    await this.page.keyboard.press('Control+1');
    await waitFor('the text editor to have focus', () =>
      this.page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null && document.activeElement?.closest('.monaco-editor') !== undefined), 10_000);
  }

  /** Runs a command from the palette (F1) by its title, e.g. "Postmortem: Fix All Problems". */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.quickInput().locator('input[type="text"]').first().waitFor({ state: 'visible' });
    await this.page.keyboard.type(title);
    await this.pickQuickInputRow((label) => label === title, `the command "${title}"`);
    await waitFor(`the palette to close after "${title}"`, async () => !(await this.quickInputVisible()) || (await this.quickInputTitle()) !== '', 10_000);
  }

  /** The title of an open quick input other than the palette (a command's own prompt), or ''. */
  async quickInputTitle(): Promise<string> {
    const title = this.quickInput().locator('.quick-input-title');
    return (await title.count()) && (await title.isVisible()) ? ((await title.textContent()) ?? '').trim() : '';
  }

  /** Moves the cursor to a 1-based line and column with Go to Line (Control+G). */
  async goTo(line: number, column = 1): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    await this.quickInput().locator('input[type="text"]').first().waitFor({ state: 'visible' });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await waitFor('Go to Line to close', async () => !(await this.quickInputVisible()), 5_000);
    await waitFor(`the cursor at line ${line}, column ${column}`, async () => {
      const position = await this.cursorPosition();
      return position && position.line === line && position.column === column;
    }, 5_000);
  }

  /** The cursor as the status bar shows it ("Ln 12, Col 5"). */
  async cursorPosition(): Promise<{ line: number; column: number } | undefined> {
    const text = await this.page.locator('.statusbar-item[id="status.editor.selection"]').first().textContent().catch(() => null);
    const match = /Ln (\d+), Col (\d+)/.exec(text ?? '');
    return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
  }

  /** Selects `length` characters to the right of the cursor and types `text` over them. */
  async replaceRight(length: number, text: string): Promise<void> {
    for (let i = 0; i < length; i++) await this.page.keyboard.press('Shift+ArrowRight');
    await this.page.keyboard.type(text);
  }

  async save(): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+S');
    await waitFor('the active editor to be saved', async () => {
      const dirty = await this.page.locator('.editor-group-container.active .tab.active.dirty').count();
      return dirty === 0;
    }, 10_000);
  }

  async isDirty(): Promise<boolean> {
    return (await this.page.locator('.editor-group-container.active .tab.active.dirty').count()) > 0;
  }

  /** Control+. at the cursor, then picks the code action whose title matches (after `shot`, if given). */
  async quickFix(title: RegExp, shot?: string): Promise<void> {
    const row = this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
    // A busy server may answer the first request with nothing ("No code actions available"): ask again.
    await waitFor(`the quick fix ${title}`, async () => {
      await this.focusEditor();
      await this.page.keyboard.press('Control+.');
      if (await row.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) return true;
      await this.page.keyboard.press('Escape');
      return false;
    }, 30_000);
    if (shot) await this.screenshot(shot);
    // Down to it and Enter, as on a keyboard (clicking is unreliable in older workbenches).
    const focused = this.page.locator('.action-widget .monaco-list-row.action.focused').first();
    await waitFor(`the quick fix ${title} to be focused`, async () => {
      if (title.test((await focused.textContent().catch(() => null)) ?? '')) return true;
      await this.page.keyboard.press('ArrowDown');
      return false;
    }, 10_000, 150);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Opens suggestions (Control+Space), focuses the one labelled `label` and accepts it. */
  async acceptSuggestion(label: string): Promise<void> {
    await this.page.keyboard.press('Control+Space');
    const widget = this.page.locator('.editor-widget.suggest-widget.visible');
    await widget.waitFor({ state: 'visible', timeout: 10_000 });
    const focusedLabel = async () => (await widget.locator('.monaco-list-row.focused .label-name').first().textContent().catch(() => null))?.trim();
    await waitFor(`the suggestion "${label}" to be focused`, async () => {
      const focused = await focusedLabel();
      if (focused === label) return true;
      if (focused !== undefined) await this.page.keyboard.press('ArrowDown');
      return false;
    }, 10_000, 150);
    await this.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout: 5_000 });
  }

  /** After a failed step: closes whatever widget is open and every editor, discarding changes. */
  async reset(): Promise<void> {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
    await this.runCommand('View: Revert and Close Editor').catch(() => undefined);
    await this.closeAllEditors();
  }

  async closeAllEditors(): Promise<void> {
    await this.runCommand('View: Close All Editors');
    await waitFor('every editor to close', async () => (await this.page.locator('.tabs-container .tab').count()) === 0, 10_000);
  }

  async squiggleCount(): Promise<number> {
    return this.page.locator('.editor-group-container.active .monaco-editor :is(.squiggly-error, .squiggly-warning, .squiggly-info)').count();
  }

  /** Opens the Problems panel (Control+Shift+M) if it is not showing. */
  async showProblems(): Promise<void> {
    if (await this.page.locator('.markers-panel').isVisible().catch(() => false)) return;
    await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor({ state: 'visible' });
  }

  /** Hides the bottom panel (Control+J), to give the editors the whole height. */
  async hidePanel(): Promise<void> {
    const panel = this.page.locator('.part.panel.bottom');
    if (!(await panel.isVisible().catch(() => false))) return;
    await this.page.keyboard.press('Control+J');
    await panel.waitFor({ state: 'hidden' });
  }

  /**
   * Every problem the Problems panel lists. The list is virtual (only rows in view exist), so a
   * long one is scrolled through with the mouse wheel and read row by row.
   */
  async problems(): Promise<ProblemRow[]> {
    await this.showProblems();
    const list = this.page.locator('.markers-panel .monaco-list').first();
    const visible = list.locator('.monaco-list-rows > .monaco-list-row');
    const rows = new Map<number, RawMarkerRow>();
    const read = async () => {
      const seen = await visible.evaluateAll(readMarkerRows);
      for (const row of seen) rows.set(row.index, row);
      return seen;
    };
    const first = await read();
    const complete = (seen: RawMarkerRow[]) => seen.length === 0 || seen.some((row) => row.last);
    if (!(first.some((row) => row.index === 0) && complete(first))) {
      // Scrolled, or longer than the panel: from the top, a few rows at a time, to the last row.
      const box = await list.boundingBox();
      if (box) await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let turn = 0; turn < 100 && !(await read()).some((row) => row.index === 0); turn++) await this.page.mouse.wheel(0, -330);
      rows.clear();
      for (let turn = 0; turn < 100 && !complete(await read()); turn++) await this.page.mouse.wheel(0, 110);
      for (let turn = 0; turn < 100 && !(await read()).some((row) => row.index === 0); turn++) await this.page.mouse.wheel(0, -330);
      // Out of the way, where hovering shows nothing.
      await this.page.mouse.move(150, 600);
    }
    const problems: ProblemRow[] = [];
    let file = '';
    for (const row of [...rows.values()].sort((a, b) => a.index - b.index)) {
      if (row.level === 1) file = row.file;
      // Level 3 rows are a problem's related locations.
      if (row.level !== 2) continue;
      problems.push({ file, severity: row.severity, message: row.message, source: row.source, rule: row.code, line: row.line });
    }
    return problems;
  }

  /** Problems of one file from our extension (source "postmortem"). */
  async postmortemProblems(file: string): Promise<ProblemRow[]> {
    return (await this.problems()).filter((problem) => problem.file === file && problem.source === 'postmortem');
  }

  /** Waits until `predicate` holds for the file's postmortem problems, and returns them. */
  async waitForProblems(file: string, what: string, predicate: (problems: ProblemRow[]) => boolean, timeoutMs = 20_000): Promise<ProblemRow[]> {
    let last: ProblemRow[] = [];
    try {
      return await waitFor(`${what} (${file})`, async () => {
        last = await this.postmortemProblems(file);
        return predicate(last) ? last : undefined;
      }, timeoutMs, 200);
    } catch (error) {
      const seen = last.map((problem) => `${problem.rule}@${problem.line}`).join(', ') || 'none';
      throw new Error(`${error instanceof Error ? error.message : String(error)}; the panel showed: ${seen}`);
    }
  }

  /** The visible quick-input rows: label, description and detail as shown, and whether any of them is cut off. */
  async quickInputRows(): Promise<{ label: string; description: string; detail: string; cutOff: string[] }[]> {
    return this.quickInput().locator('.quick-input-list .monaco-list-row').evaluateAll((rows) =>
      rows
        .filter((row) => (row as HTMLElement).offsetParent !== null)
        .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
        // No named helper functions in here: the page has no __name, which tsx would wrap them in.
        .map((row) => ({
          label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
          description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
          // The detail line is a second icon label under the first.
          detail: (row.querySelectorAll('.monaco-icon-label')[1]?.textContent ?? row.querySelector('.quick-input-list-detail')?.textContent ?? '').trim(),
          // An ellipsis in CSS: a block's text is wider than its box (inline boxes have no width to compare).
          cutOff: [...row.querySelectorAll('.monaco-icon-label, .monaco-icon-label-container, .monaco-icon-name-container, .monaco-icon-description-container, .label-name, .label-description')]
            .filter((el) => (el as HTMLElement).clientWidth > 0 && (el as HTMLElement).scrollWidth > (el as HTMLElement).clientWidth + 1)
            .map((el) => el.textContent?.trim() ?? ''),
        })),
    );
  }

  /** The input's placeholder, and whether it fits. */
  async quickInputPlaceholder(): Promise<{ text: string; fits: boolean }> {
    return this.quickInput().locator('input[type="text"]').first().evaluate((input) => {
      const el = input as HTMLInputElement;
      const canvas = document.createElement('canvas').getContext('2d')!;
      canvas.font = getComputedStyle(el).font;
      return { text: el.placeholder, fits: canvas.measureText(el.placeholder).width <= el.clientWidth };
    });
  }

  /** Texts in the status bar (items and the transient message). */
  async statusBarTexts(): Promise<string[]> {
    return this.page.locator('.part.statusbar .statusbar-item').evaluateAll((items) => items.map((item) => (item.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean));
  }

  /** Whether the Problems panel is showing. */
  async problemsVisible(): Promise<boolean> {
    return this.page.locator('.markers-panel').isVisible().catch(() => false);
  }

  /** The text of the Output panel's editor (the channel it shows). */
  async outputText(): Promise<string> {
    return this.page.locator('.part.panel .monaco-editor .view-lines').first().innerText().catch(() => '');
  }

  /** The frame of the webview whose document has `selector`, once it is there. */
  async webviewFrame(selector: string, timeoutMs = 20_000): Promise<Frame> {
    return waitFor(`a webview showing ${selector}`, async () => {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame()) continue;
        if (await frame.locator(selector).count().catch(() => 0)) return frame;
      }
      return undefined;
    }, timeoutMs, 200);
  }
}
