// What a user does with the installed extension, step by step, checked in the browser.
// The CLI is the oracle for which problems a file has; the editor must show the same ones.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fixFile, lintFile, signature, type CliProblem } from './lib/cli.js';
import { waitFor } from './lib/wait.js';
import type { ProblemRow, Workbench } from './lib/workbench.js';

export interface StepContext {
  /** The repository (for the CLI). */
  root: string;
  /** The scratch copy of test/e2e/workspace the workbench has open. */
  workspace: string;
  wb: Workbench;
  /** A second workbench on the same workspace, in its own code-server with these user settings. */
  openInstance(name: string, settings: Record<string, unknown>): Promise<{ wb: Workbench; close(): Promise<void> }>;
  /** A line for the report under this step. */
  note(message: string): void;
}

export interface Step {
  id: string;
  title: string;
  run(ctx: StepContext): Promise<void>;
}

export const FILES = {
  clean: 'postmortems/2024-03-queue-backlog.md',
  problems: 'postmortems/2024-05-login-outage.md',
  missingSection: 'postmortems/2024-06-dns-resolver.md',
  notPostmortem: 'notes/offsite-agenda.md',
  customTemplate: 'team-payments/postmortems/2024-07-card-declines.md',
};

/** 1-based number of the first line of `file` that contains `needle`. */
function lineContaining(file: string, needle: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(needle));
  assert.notEqual(index, -1, `${basename(file)} has no line with "${needle}"`);
  return index + 1;
}

function cliProblems(ctx: StepContext, relative: string, template?: string): CliProblem[] {
  const file = join(ctx.workspace, relative);
  return lintFile(ctx.root, file, { cwd: dirname(file), template });
}

/** Waits until the Problems panel lists exactly the problems the CLI finds in the file on disk. */
export async function expectPanelMatchesCli(ctx: StepContext, wb: Workbench, relative: string, template?: string): Promise<ProblemRow[]> {
  const expected = signature(cliProblems(ctx, relative, template));
  const name = basename(relative);
  const rows = await wb.waitForProblems(name, `the Problems panel to list ${expected.join(', ') || 'nothing'}`, (problems) =>
    JSON.stringify(signature(problems)) === JSON.stringify(expected));
  return rows;
}

function rulesOf(problems: readonly { rule: string }[]): string[] {
  return [...new Set(problems.map((problem) => problem.rule))].sort();
}

export const STEPS: Step[] = [
  {
    id: '1-diagnostics',
    title: 'a postmortem with problems shows them in the Problems panel, with rule names; a plain Markdown file shows none',
    async run(ctx) {
      const { wb } = ctx;
      await wb.openFile(basename(FILES.problems));
      await waitFor('squiggles in the editor', async () => (await wb.squiggleCount()) > 0, 20_000);
      const rows = await expectPanelMatchesCli(ctx, wb, FILES.problems);
      for (const row of rows) assert.equal(row.source, 'postmortem', `source shown for "${row.message}"`);
      const rules = rulesOf(rows);
      // The example was written to break these rules; each must be named in the panel.
      for (const rule of ['missing-section', 'empty-section', 'duplicate-section', 'section-order', 'heading-level', 'timeline-order',
        'timeline-unreadable', 'action-item-untagged', 'action-item-unknown-tag']) {
        assert.ok(rules.includes(rule), `the Problems panel names ${rule} (it shows ${rules.join(', ')})`);
      }
      ctx.note(`${rows.length} problems, rules: ${rules.join(', ')}`);
      await wb.screenshot('problems-panel');

      // The plain note: open it, then a postmortem after it. Once the later file's problems are in,
      // the note had its turn, and must have none.
      await wb.openFile(basename(FILES.notPostmortem));
      await wb.openFile(basename(FILES.missingSection));
      await expectPanelMatchesCli(ctx, wb, FILES.missingSection);
      const noteProblems = (await wb.problems()).filter((row) => row.file === basename(FILES.notPostmortem));
      assert.deepEqual(noteProblems, [], 'no problems listed for the plain Markdown note');
      await wb.openFile(basename(FILES.notPostmortem));
      assert.equal(await wb.squiggleCount(), 0, 'no squiggles in the plain Markdown note');
      await wb.screenshot('plain-markdown-untouched');
    },
  },
  {
    id: '2-timeline-order',
    title: 'typing a timestamp that goes backwards adds timeline-order within seconds; fixing it removes it',
    async run(ctx) {
      const { wb } = ctx;
      const file = join(ctx.workspace, FILES.clean);
      const name = basename(file);
      await wb.openFile(name);
      await expectPanelMatchesCli(ctx, wb, FILES.clean);
      assert.deepEqual(cliProblems(ctx, FILES.clean), [], `${name} starts clean`);
      // "- **09:48:** Consumers restarted ...": the hour starts at column 5.
      const line = lineContaining(file, '**09:48:**');
      await wb.goTo(line, 5);
      const typed = Date.now();
      await wb.replaceRight(2, '08');
      // Typing "0" first makes "0:48" for a moment, with problems of its own: wait for the final state.
      await wb.waitForProblems(name, `only a timeline-order problem on line ${line}, naming 08:48`, (problems) =>
        JSON.stringify(signature(problems)) === JSON.stringify([`timeline-order@${line}`]) && /08:48/.test(problems[0]!.message), 10_000);
      const seconds = (Date.now() - typed) / 1000;
      ctx.note(`timeline-order shown ${seconds.toFixed(1)} s after typing 08:48`);
      await waitFor('the squiggle on the edited line', async () => (await wb.squiggleCount()) > 0, 5_000);
      await wb.screenshot('timeline-order');

      await wb.goTo(line, 5);
      await wb.replaceRight(2, '09');
      await wb.waitForProblems(name, 'the timeline-order problem to go away', (problems) => problems.length === 0, 10_000);
      await wb.save();
      assert.ok(readFileSync(file, 'utf8').includes('- **09:48:** Consumers restarted'), 'the file is back as it was');
    },
  },
  {
    id: '3-quick-fix',
    title: 'the quick fix for a missing section inserts it; Fix All clears every fixable problem',
    async run(ctx) {
      const { wb } = ctx;
      const file = join(ctx.workspace, FILES.missingSection);
      const name = basename(file);
      await wb.openFile(name);
      const before = await expectPanelMatchesCli(ctx, wb, FILES.missingSection);
      assert.ok(before.some((p) => p.rule === 'missing-section' && /Lessons Learned/.test(p.message)), 'Lessons Learned is reported missing');

      // Insert Section… says where each missing section would go, in words.
      await wb.runCommand('Postmortem: Insert Section…');
      const picker = await waitFor('the Insert Section picker', async () => {
        const shown = await wb.quickInputRows();
        return shown.some((row) => row.label === 'Lessons Learned') ? shown : undefined;
      }, 10_000);
      const lessons = picker.find((row) => row.label === 'Lessons Learned')!;
      assert.match(`${lessons.label} ${lessons.description}`, /^Lessons Learned — level 2, (after|before) \S/, 'the picker says the level and where it goes');
      assert.ok(!picker.some((row) => row.description.includes('#')), 'no "##" in the picker');
      await wb.screenshot('insert-section-picker');
      await wb.page.keyboard.press('Escape');
      ctx.note(`Insert Section picker: "${lessons.label} ${lessons.description}"`);

      // The missing-section problem sits on the title; the user puts the cursor on its squiggle.
      const missing = before.find((p) => p.rule === 'missing-section')!;
      await wb.goTo(missing.line, 3);
      await wb.quickFix(/Add section .Lessons Learned./, 'quick-fix-menu');
      await wb.waitForProblems(name, 'the missing-section problem to go away', (problems) => !problems.some((p) => p.rule === 'missing-section'), 10_000);
      await wb.save();
      const fixed = readFileSync(file, 'utf8');
      assert.match(fixed, /^## Lessons Learned$/m, 'the quick fix inserted the "## Lessons Learned" heading');
      // The cursor went to the new section: on its placeholder, two lines under the heading.
      const placeholderLine = lineContaining(file, '## Lessons Learned') + 2;
      assert.match(fixed.split('\n')[placeholderLine - 1]!, /^<!--/, 'a placeholder follows the heading');
      await waitFor(`the cursor on the new section's placeholder (line ${placeholderLine})`, async () => (await wb.cursorPosition())?.line === placeholderLine, 5_000);
      await wb.screenshot('quick-fix-applied');
      ctx.note(`quick fix inserted "## Lessons Learned" and put the cursor on line ${placeholderLine}, its placeholder`);

      // What Fix All must reach: the CLI's own --fix applied to the same text.
      const scratch = join(mkdtempSync(join(tmpdir(), 'pm-e2e-fix-')), name);
      copyFileSync(file, scratch);
      fixFile(ctx.root, scratch, { cwd: dirname(file) });
      assert.notEqual(readFileSync(scratch, 'utf8'), fixed, 'there is something left for Fix All to fix');
      const beforeFixAll = signature(cliProblems(ctx, FILES.missingSection));

      await wb.runCommand('Postmortem: Fix All Problems');
      await waitFor('Fix All to edit the document', () => wb.isDirty(), 10_000);
      const summary = await waitFor('Fix All to say what it did', async () => (await wb.statusBarTexts()).find((text) => /Fixed \d+ problems?; \d+ left/.test(text)), 10_000);
      ctx.note(`status bar after Fix All: "${summary}"`);
      await wb.save();
      const rows = await expectPanelMatchesCli(ctx, wb, FILES.missingSection);
      // Every fixable problem is gone: the CLI's fixes have nothing more to change.
      const after = readFileSync(file, 'utf8');
      const again = join(dirname(scratch), `again-${name}`);
      copyFileSync(file, again);
      fixFile(ctx.root, again, { cwd: dirname(file) });
      assert.equal(readFileSync(again, 'utf8'), after, 'no safe fix is left after Fix All');
      assert.equal(after, readFileSync(scratch, 'utf8'), 'Fix All gives the same text as postmortem-lint --fix');
      ctx.note(`Fix All: ${beforeFixAll.join(', ')} -> ${signature(rows).join(', ') || 'nothing'}`);
      await wb.screenshot('fix-all');
    },
  },
  {
    id: '4-snippet',
    title: 'the timeline entry snippet expands with the current time',
    async run(ctx) {
      const { wb } = ctx;
      const file = join(ctx.workspace, FILES.clean);
      await wb.openFile(basename(file));
      const last = lineContaining(file, '**10:25:**');
      await wb.goTo(last, 1);
      await wb.page.keyboard.press('End');
      await wb.page.keyboard.press('Enter');
      // Whatever the editor continued the list with ("- ") is selected and typed over.
      await wb.page.keyboard.press('Shift+Home');
      await wb.page.keyboard.type('pm-timeline-entry');
      await wb.acceptSuggestion('pm-timeline-entry');
      // The browser's clock and zone are the ones the snippet used.
      const now = await wb.page.evaluate(() => { const d = new Date(); return [d.getHours(), d.getMinutes()]; });
      await wb.page.keyboard.type('Entry typed with the snippet.');
      await wb.page.keyboard.press('Escape');
      await wb.screenshot('snippet');
      await wb.save();
      const written = readFileSync(file, 'utf8').split('\n')[last]!;
      const match = /^- \*\*(\d{2}):(\d{2}):\*\* Entry typed with the snippet\.$/.exec(written);
      assert.ok(match, `the snippet wrote a timeline entry, not ${JSON.stringify(written)}`);
      const minutes = (Number(match[1]) * 60 + Number(match[2]) - (now[0]! * 60 + now[1]!) + 1440) % 1440;
      assert.ok(minutes <= 1 || minutes === 1439, `the entry's time ${match[1]}:${match[2]} is the current time ${now.join(':')}`);
      ctx.note(`expanded to "${written}"`);
    },
  },
  {
    id: '5-preview',
    title: 'Postmortem: Open Preview to the Side shows the summary card and the timeline',
    async run(ctx) {
      const { wb } = ctx;
      const file = join(ctx.workspace, FILES.clean);
      await wb.openFile(basename(file));
      // One preview button of ours, with its own glyph beside the Markdown extension's $(open-preview) one.
      const buttons = await wb.page.locator('.editor-group-container.active .editor-actions .action-label').evaluateAll((items) =>
        items.map((item) => ({ label: item.getAttribute('aria-label') ?? '', glyph: [...item.classList].find((c) => c.startsWith('codicon-')) ?? (getComputedStyle(item).backgroundImage !== 'none' ? 'image' : 'none') })));
      const previewButtons = buttons.filter((button) => /Preview/.test(button.label));
      assert.ok(previewButtons.some((button) => button.glyph === 'image'), `our button shows its own glyph (buttons: ${JSON.stringify(buttons)})`);
      assert.ok(previewButtons.filter((button) => button.glyph === 'codicon-open-preview').length <= 1, `at most one $(open-preview) button (${JSON.stringify(buttons)})`);
      ctx.note(`editor title buttons: ${previewButtons.map((b) => `${b.label} [${b.glyph}]`).join(', ')}`);
      await wb.runCommand('Postmortem: Open Preview to the Side');
      const frame = await wb.webviewFrame('.postmortem-preview header.summary', 30_000);
      await waitFor('the preview tab titled "Postmortem: <file>"', async () => (await wb.page.locator('.tab', { hasText: `Postmortem: ${basename(file)}` }).count()) === 1, 10_000);
      const card = frame.locator('.postmortem-preview header.summary');
      assert.equal((await card.locator('h1').innerText()).trim(), 'Postmortem: Order Queue Backlog After Broker Upgrade', 'the card has the title');
      const facts = await card.locator('.facts').innerText();
      for (const fact of ['SEV-2', 'Resolved', '1 h 45 min']) assert.ok(facts.includes(fact), `the summary card shows "${fact}" (it shows ${JSON.stringify(facts)})`);
      // Every timeline entry of the file, in order, the snippet's one included.
      const written = readFileSync(file, 'utf8').split('\n').flatMap((line) => /^- \*\*\d{2}:\d{2}:\*\* (.*)$/.exec(line)?.slice(1) ?? []);
      const shown = await waitFor('the preview to show every timeline entry', async () => {
        const texts = (await frame.locator('.postmortem-preview section.timeline li.entry .text').allInnerTexts()).map((text) => text.trim());
        return texts.length === written.length ? texts : undefined;
      }, 15_000);
      assert.deepEqual(shown, written, 'the preview timeline lists the file\'s entries');
      ctx.note(`summary card: ${facts.replace(/\s+/g, ' ').trim()}; ${shown.length} timeline entries`);
      await wb.hidePanel();
      await wb.screenshot('preview');

      // The preview follows the cursor: on a timeline entry, that entry on the axis is marked;
      // at the end of the document, the page scrolls down to it.
      const entryLine = lineContaining(file, '**10:25:**');
      await wb.goTo(entryLine, 1);
      await waitFor('the preview to mark the timeline entry the cursor is on', () =>
        frame.evaluate((line) => document.querySelector(`section.timeline li[data-line="${line}"]`)?.classList.contains('cursor') === true, entryLine - 1), 10_000);
      const lastLine = readFileSync(file, 'utf8').trimEnd().split('\n').length;
      await wb.goTo(lastLine, 1);
      const scrolled = await waitFor('the preview to scroll to the end of the document', async () => {
        const y = await frame.evaluate(() => window.scrollY);
        return y > 0 ? y : undefined;
      }, 10_000);
      ctx.note(`cursor on line ${lastLine}: the preview scrolled to y=${scrolled}`);
      await wb.screenshot('preview-follows-cursor');
    },
  },
  {
    id: '6-new-postmortem',
    title: 'Postmortem: New Postmortem from another template: the file names it, and only its placeholders are flagged',
    async run(ctx) {
      const { wb } = ctx;
      const dir = join(ctx.workspace, 'postmortems');
      const existing = new Set(readdirSync(dir));
      await wb.runCommand('Postmortem: New Postmortem');
      // The picker: every built-in with its description, nothing cut off.
      await waitFor('the template picker', async () => /New Postmortem/.test(await wb.quickInputTitle()), 10_000);
      const rows = await waitFor('the template rows', async () => {
        const shown = await wb.quickInputRows();
        return shown.length >= 4 ? shown : undefined;
      }, 10_000);
      for (const name of ['default', 'google-sre', 'pagerduty', 'atlassian']) {
        const row = rows.find((r) => r.label === name);
        assert.ok(row && row.detail.length > 20, `the picker shows ${name} with its description (rows: ${JSON.stringify(rows)})`);
        assert.deepEqual(row.cutOff, [], `nothing of the ${name} row is cut off`);
      }
      const placeholder = await wb.quickInputPlaceholder();
      assert.ok(placeholder.fits, `the picker's placeholder "${placeholder.text}" fits`);
      await wb.screenshot('new-postmortem-picker');
      // google-sre, while the workspace checks against default (no .postmortemrc.json here).
      await wb.page.keyboard.type('google-sre');
      await waitFor('google-sre to be the first row', async () => (await wb.quickInputLabels())[0] === 'google-sre', 10_000);
      await wb.page.keyboard.press('Enter');
      await waitFor('the title prompt', async () => (await wb.quickInputTitle()) !== '' && (await wb.quickInputLabels()).length === 0, 10_000);
      await wb.page.keyboard.type('Build cache disk full');
      await wb.page.keyboard.press('Enter');
      const created = await waitFor('the new postmortem file', () => readdirSync(dir).find((name) => !existing.has(name)), 15_000);
      assert.match(created, /^\d{4}-\d{2}-\d{2}-build-cache-disk-full\.md$/);
      await wb.waitForActiveTab(created);
      const text = readFileSync(join(dir, created), 'utf8');
      assert.ok(text.startsWith('---\ntemplate: google-sre\n---\n'), `the file says which template it follows (it starts ${JSON.stringify(text.slice(0, 40))})`);
      const expected = cliProblems(ctx, `postmortems/${created}`);
      // Its sections wait for text (empty-section), its field lines for values (placeholder-text).
      assert.ok(expected.length > 0 && expected.every((p) => p.rule === 'empty-section' || p.rule === 'placeholder-text'), `the template's only problems are empty placeholders (CLI: ${signature(expected).join(', ')})`);
      const problems = await expectPanelMatchesCli(ctx, wb, `postmortems/${created}`);
      await waitFor('the status bar to name google-sre', async () => (await wb.statusBarTexts()).some((t) => /google-sre · \d+ problems?/.test(t)), 10_000);
      ctx.note(`created ${created} from google-sre: ${problems.length} placeholder problem(s), all empty-section`);
      await wb.screenshot('new-postmortem');
    },
  },
  {
    id: '7-workspace-trust',
    title: 'in an untrusted folder the extension still lints, with the built-in template instead of the workspace one',
    async run(ctx) {
      const name = basename(FILES.customTemplate);
      // Trusted (the instance so far): the team's .postmortemrc.json template applies.
      await ctx.wb.openFile(name);
      const trusted = await expectPanelMatchesCli(ctx, ctx.wb, FILES.customTemplate);
      assert.ok(trusted.some((p) => /Customer Communication/.test(p.message)), 'trusted: the workspace template asks for Customer Communication');
      await ctx.wb.screenshot('trusted-workspace-template');

      const untrusted = await ctx.openInstance('untrusted', {
        'security.workspace.trust.enabled': true,
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.banner': 'always',
        'security.workspace.trust.untrustedFiles': 'open',
      });
      try {
        const { wb } = untrusted;
        await waitFor('Restricted Mode', async () => (await wb.page.locator('text=Restricted Mode').count()) > 0, 30_000);
        await wb.openFile(name);
        const rows = await expectPanelMatchesCli(ctx, wb, FILES.customTemplate, 'default');
        assert.ok(!rows.some((p) => /Customer Communication/.test(p.message)), 'untrusted: the workspace template is not read');
        assert.ok(rows.some((p) => p.rule === 'missing-section' && /Impact/.test(p.message)), 'untrusted: the built-in template applies');
        ctx.note(`untrusted: ${rows.length} problems from the built-in template, none from the workspace template`);
        await wb.screenshot('untrusted-builtin-template');
      } finally {
        await untrusted.close();
      }
    },
  },
  {
    id: '8-broken-config',
    title: 'a broken config shows in the status bar and the server log in the output; Lint Workspace keeps Problems open',
    async run(ctx) {
      const { wb } = ctx;
      const config = join(ctx.workspace, 'postmortems/.postmortemrc.json');
      const typo = join(ctx.workspace, 'postmortems/2024-08-front-matter-typo.md');
      const dns = readFileSync(join(ctx.workspace, FILES.missingSection), 'utf8');
      writeFileSync(config, '{ "rules": { "timeline-order": "loud" } }\n');
      writeFileSync(typo, `---\ntemplate: google-sr\n---\n${dns}`);
      try {
        await wb.openFile(basename(FILES.clean));
        const status = await waitFor('the status bar to say the config is broken', async () => (await wb.statusBarTexts()).find((t) => /Postmortem config broken · built-in default in use/.test(t)), 20_000);
        ctx.note(`status bar: "${status}"`);
        await wb.screenshot('broken-config-status');

        // The server's log (window/logMessage) reaches the Postmortem output channel.
        await wb.openFile(basename(typo));
        await wb.runCommand('Postmortem: Show Output');
        const logged = await waitFor('the output to show the server\'s warning', async () => {
          // The output wraps long lines.
          const text = (await wb.outputText()).replace(/\s+/g, ' ');
          return /Front matter template: Unknown template "google-sr"/.test(text) ? text : undefined;
        }, 20_000);
        ctx.note(`output: ${/\[warning\][^[]*google-sr[^[]*/.exec(logged)?.[0].trim()}`);
        await wb.screenshot('output-log');

        // Lint Workspace focuses Problems; running it with the panel open leaves it open.
        await wb.showProblems();
        await wb.runCommand('Postmortem: Lint Workspace');
        await waitFor('Lint Workspace to finish', async () => (await wb.statusBarTexts()).some((t) => /Postmortem: checked \d+ files?/.test(t)), 30_000);
        assert.ok(await wb.problemsVisible(), 'the Problems panel is still open after Lint Workspace');
        await waitFor('the status message to go', async () => !(await wb.statusBarTexts()).some((t) => /Postmortem: checked/.test(t)), 15_000);
        await wb.runCommand('Postmortem: Lint Workspace');
        await waitFor('Lint Workspace to finish again', async () => (await wb.statusBarTexts()).some((t) => /Postmortem: checked \d+ files?/.test(t)), 30_000);
        assert.ok(await wb.problemsVisible(), 'the Problems panel is still open after a second Lint Workspace');
      } finally {
        rmSync(config, { force: true });
        rmSync(typo, { force: true });
      }
    },
  },
  {
    id: '9-views',
    title: 'the Postmortems view lists the workspace postmortems; the Action Items view marks an overdue item and counts it',
    async run(ctx) {
      const { wb } = ctx;
      const overdue = join(ctx.workspace, 'postmortems/2024-02-overdue-keys.md');
      writeFileSync(overdue, '# Postmortem: Signing Keys Expired\n\n**Duration:** 2024-02-01 10:00 - 2024-02-01 11:00 (UTC)\n\n## Corrective and Preventative Measures\n\n- [ ] **Fix:** Rotate the signing keys before expiry @robin due 2024-03-01\n');
      try {
        await wb.runCommand('View: Show Explorer');
        await wb.runCommand('Postmortem: Refresh Postmortem Views');
        const pane = (name: string) => wb.page.locator('.pane', { has: wb.page.locator('.pane-header h3.title', { hasText: new RegExp(`^${name}$`, 'i') }) });
        const rows = async (name: string) => pane(name).locator('.monaco-list-row').allInnerTexts();
        // The trees are virtual lists: give them room, so every row is rendered.
        await wb.hidePanel();
        const expand = async (name: string, open: boolean) => {
          const header = pane(name).locator('.pane-header');
          if (((await header.getAttribute('aria-expanded')) === 'true') !== open) await header.click();
        };
        await expand('workspace', false);
        await expand('Action Items', false);
        await expand('Postmortems', true);
        // Every postmortem the CLI would check, by title; the notes file is not one.
        const listed = await waitFor('the Postmortems view to list the workspace', async () => {
          const texts = (await rows('Postmortems')).join('\n');
          return ['Order Queue Backlog', 'Login Failures', 'Internal DNS Resolver', 'Card Payments Declined', 'Signing Keys Expired'].every((t) => texts.includes(t)) ? texts : undefined;
        }, 30_000);
        assert.ok(!/Offsite/i.test(listed), 'notes/offsite-agenda.md is not listed');
        const order = ['2024', 'July', 'June', 'May', 'March', 'February'].map((label) => (listed.split('\n').findIndex((line) => line.trim() === label)));
        assert.ok(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]!)), `grouped by year and month, newest first: ${JSON.stringify(listed)}`);
        ctx.note(`Postmortems view: ${listed.split('\n').filter((l) => /Postmortem:/.test(l)).length} postmortems`);
        await wb.screenshot('postmortems-view');
        await expand('Postmortems', false);
        await expand('Action Items', true);
        const item = await waitFor('the overdue item in the Action Items view', async () => (await rows('Action Items')).find((t) => t.includes('Rotate the signing keys') && /overdue/.test(t)), 30_000);
        assert.match(item, /@robin · due 2024-03-01 · overdue/);
        const badge = await wb.page.locator('.pane-header .badge, .activitybar .badge').allInnerTexts();
        ctx.note(`overdue row: "${item.replace(/\s+/g, ' ')}"; badges: ${JSON.stringify(badge)}`);
        await wb.screenshot('action-items-view');
      } finally {
        rmSync(overdue, { force: true });
      }
    },
  },
];
