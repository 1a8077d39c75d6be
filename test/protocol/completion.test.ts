import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { FIXTURES, LspTestClient, uriOf } from './harness.js';

const CLEAN = readFileSync(join(FIXTURES, 'postmortems/clean.md'), 'utf8');
const FAILING = readFileSync(join(FIXTURES, 'postmortems/webhooks.md'), 'utf8');

/** Wall-clock parts of `at` in `timeZone`, computed independently of the server (Intl). */
function wall(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const hour = Number(parts.hour);
  const h12 = String(hour % 12 || 12).padStart(2, '0');
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hhmm: `${parts.hour}:${parts.minute}`, twelve: `${h12}:${parts.minute} ${hour < 12 ? 'AM' : 'PM'}` };
}

// Shuffled: each test sets up what it needs, whatever ran before it.
describe.shuffle('completion', () => {
  let server: LspTestClient;
  let n = 0;
  beforeAll(async () => {
    server = await LspTestClient.start({ folders: [FIXTURES] });
  });
  afterAll(() => server?.stop());

  /** Opens `text` with the cursor where `|` is, and asks for completions there. */
  async function complete(text: string, cursor = '‸'): Promise<{ items: CompletionItem[]; before: Date; after: Date }> {
    const offset = text.indexOf(cursor);
    const clean = text.replace(cursor, '');
    const lines = clean.slice(0, offset).split('\n');
    const uri = uriOf(join(FIXTURES, `postmortems/completion-${++n}.md`));
    server.open(uri, clean);
    const before = new Date();
    const result: CompletionList | null = await server.request('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } });
    return { items: result?.items ?? [], before, after: new Date() };
  }

  it('offers the template tags after "- " in an action section', async () => {
    const { items } = await complete(CLEAN.replace('runbook.\n', 'runbook.\n- ‸\n'));
    expect(items.map((i) => [i.label, (i.textEdit as TextEdit).newText])).toEqual([
      ['**Fix:**', '**Fix:** '],
      ['**Improvement:**', '**Improvement:** '],
      ['**TODO:**', '**TODO:** '],
    ]);
    expect((items[0].textEdit as TextEdit).range).toEqual({ start: { line: 30, character: 2 }, end: { line: 30, character: 2 } });
  });

  it('offers tags after a task checkbox too, replacing a partly typed tag', async () => {
    const { items } = await complete(CLEAN.replace('runbook.\n', 'runbook.\n- [ ] **Im‸\n'));
    expect(items.map((i) => (i.textEdit as TextEdit).newText)).toContain('**Improvement:** ');
    expect((items[0].textEdit as TextEdit).range).toEqual({ start: { line: 30, character: 6 }, end: { line: 30, character: 10 } });
  });

  it('offers the missing sections after "## ", at their template level', async () => {
    const { items } = await complete(`${FAILING}\n## ‸`);
    expect(items.map((i) => [i.label, (i.textEdit as TextEdit).newText])).toEqual([
      ['Resolution', '### Resolution'],
      ['Conclusion', '## Conclusion'],
    ]);
    const line = FAILING.split('\n').length;
    expect((items[0].textEdit as TextEdit).range).toEqual({ start: { line, character: 0 }, end: { line, character: 3 } });
  });

  it('offers nothing at "## " when no section is missing, and nothing in a text section', async () => {
    expect((await complete(`${CLEAN}\n## ‸`)).items).toEqual([]);
    expect((await complete(CLEAN.replace('was lost.\n', 'was lost.\n- ‸\n'))).items).toEqual([]);
  });

  it('offers the time of the entry above after "- " in a timeline, then the current time written like it ("03:45 PM", UTC)', async () => {
    const text = CLEAN.replace('incident closed.\n', 'incident closed.\n- ‸\n');
    const above = /- \*\*([^*]+):\*\* [^\n]*incident closed\./.exec(text)![1];
    const { items, before, after } = await complete(text);
    expect(items.map((i) => [(i.textEdit as TextEdit).newText, i.detail, i.preselect])).toEqual([
      [`**${above}:** `, 'Time of the entry above', true],
      [expect.any(String), 'Now (UTC), written like the entries above', false],
    ]);
    const expected = [before, after].map((at) => `**${wall(at, 'UTC').twelve}:** `);
    expect(expected).toContain((items[1].textEdit as TextEdit).newText);
  });

  it('with no entry above, offers the Duration’s start first; a client with snippets gets a tab stop on the time', async () => {
    const text = ['# Postmortem: Disk full', '', '**Duration:** 2024-06-10 09:00 - 2024-06-10 11:00 (UTC)', '', '## Timeline', '', '- ‸', ''].join('\n');
    expect((await complete(text)).items.map((i) => [(i.textEdit as TextEdit).newText, i.detail])[0]).toEqual(['**09:00:** ', 'Start of the Duration']);
    const snippets = await LspTestClient.start({
      folders: [FIXTURES],
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
    });
    try {
      const uri = uriOf(join(FIXTURES, 'postmortems/completion-snippet.md'));
      snippets.open(uri, text.replace('‸', ''));
      const result: CompletionList = await snippets.request('textDocument/completion', { textDocument: { uri }, position: { line: 6, character: 2 } });
      expect(result.items.map((i) => [(i.textEdit as TextEdit).newText, i.insertTextFormat])[0]).toEqual(['**${1:09:00}:** $0', 2]);
    } finally {
      await snippets.stop();
    }
  });

  it('follows the document: 24-hour times with dates, in the zone the Duration names', async () => {
    const text = [
      '# Postmortem: Queue consumers stalled',
      '',
      '**Duration:** 2024-06-10 09:00 - 2024-06-10 11:00 (America/Los_Angeles)',
      '',
      '## Timeline',
      '',
      '- 2024-06-10 09:00 - Consumer lag alert fires.',
      '- 2024-06-10 09:20 - Broker failover found.',
      '- ‸',
      '',
    ].join('\n');
    const { items, before, after } = await complete(text);
    expect((items[0].textEdit as TextEdit).newText).toBe('2024-06-10 09:20 - ');
    const expected = [before, after].map((at) => `${wall(at, 'America/Los_Angeles').date} ${wall(at, 'America/Los_Angeles').hhmm} - `);
    expect(expected).toContain((items[1].textEdit as TextEdit).newText);
  });

  it('offers the row above’s time, then the current time, in an empty time cell of a timeline table', async () => {
    const text = ['# Postmortem: Cache eviction storm', '', '## Timeline', '', '| Time | Event |', '| --- | --- |', '| 15:00 | Hit rate drops |', '| ‸', ''].join('\n');
    const { items, before, after } = await complete(text);
    expect((items[0].textEdit as TextEdit).newText).toBe('15:00');
    expect([before, after].map((at) => wall(at, 'UTC').hhmm)).toContain((items[1].textEdit as TextEdit).newText);
  });

  it('offers the fields the file’s template requires after "**" under the title, and their values in the front matter', async () => {
    const head = '---\ntemplate: pagerduty\n';
    const names = await complete(`${head}---\n# Postmortem: Queue backlog\n\n**Status:** Draft\n**‸\n\n## Summary\n`);
    expect(names.items.map((i) => [i.label, (i.textEdit as TextEdit).newText])).toEqual([
      ['Severity', '**Severity:** '],
      ['Date', '**Date:** '],
    ]);
    expect((names.items[0].textEdit as TextEdit).range).toEqual({ start: { line: 6, character: 0 }, end: { line: 6, character: 2 } });
    const values = await complete(`${head}status: ‸\n---\n# Postmortem: Queue backlog\n`);
    expect(values.items.map((i) => (i.textEdit as TextEdit).newText)).toEqual(['Draft', '"In Review"', 'Reviewed', 'Final']);
  });
});
