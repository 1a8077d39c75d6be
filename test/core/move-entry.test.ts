// timeline-order's "Move this entry into time order": a line move that leaves the rule nothing to say.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, applyFixes, getBuiltinTemplate, type AnalyzeOptions } from '../../server/src/core/index.js';

const order = (text: string, options?: AnalyzeOptions) => analyze(text, options).problems.filter((p) => p.rule === 'timeline-order');
const move = (text: string, options?: AnalyzeOptions) => {
  const [problem] = order(text, options);
  expect(problem.fixes).toHaveLength(1);
  return { fix: problem.fixes[0], text: applyFixes(text, problem.fixes).text };
};
const doc = (...entries: string[]) => `# Postmortem: x\n\n## Timeline\n\n${entries.join('\n')}\n\n## Impact\n\nUsers.\n`;

describe('Move this entry into time order', () => {
  it('moves the entry back to where its time belongs, and the rule is satisfied', () => {
    const { fix, text } = move(doc('- **10:00:** a', '- **10:20:** b', '- **10:10:** c', '- **10:30:** d'));
    expect(fix).toMatchObject({ title: 'Move this entry into time order', fixAll: false });
    expect(text).toBe(doc('- **10:00:** a', '- **10:10:** c', '- **10:20:** b', '- **10:30:** d'));
    expect(order(text)).toEqual([]);
  });

  it('keeps a loose list loose: the entry takes its blank line with it, whichever end it leaves or joins', () => {
    const loose = (...entries: string[]) => doc(entries.join('\n\n'));
    expect(move(loose('- **10:00:** a', '- **10:30:** c', '- **10:15:** b', '- **10:45:** d')).text).toBe(loose('- **10:00:** a', '- **10:15:** b', '- **10:30:** c', '- **10:45:** d'));
    // The section's last entry moved up; the first moved to the end.
    expect(move(loose('- **10:00:** a', '- **10:15:** b', '- **10:45:** d', '- **10:30:** c')).text).toBe(loose('- **10:00:** a', '- **10:15:** b', '- **10:30:** c', '- **10:45:** d'));
    expect(move(loose('- **10:50:** z', '- **10:00:** a', '- **10:15:** b', '- **10:45:** d')).text).toBe(loose('- **10:00:** a', '- **10:15:** b', '- **10:45:** d', '- **10:50:** z'));
  });

  it('takes the continuation lines and nested items with it', () => {
    const { text } = move(doc('- **10:00:** a', '- **10:20:** b', '- **10:10:** c, which', '  goes on here', '  - with a detail', '- **10:30:** d'));
    expect(text).toBe(doc('- **10:00:** a', '- **10:10:** c, which', '  goes on here', '  - with a detail', '- **10:20:** b', '- **10:30:** d'));
    expect(order(text)).toEqual([]);
  });

  it('offers no move when an entry holds timed sub-items: the cut would take them and the paste land inside it', () => {
    // Found by the property tests: "03:00 PM" was to be moved after "~03:05", its own sub-item.
    const text = doc('- **15:00:** outer', '    - **~03:05:** inner', '  - **14:00:** sibling-ish', '  - later note');
    const problems = order(text);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem.fixes).toEqual([]);
  });

  it('moves the one entry far ahead instead when that is what puts the timeline in order', () => {
    const { fix, text } = move(doc('- **10:00:** a', '- **19:00:** typo?', '- **10:10:** c', '- **10:20:** d'));
    expect(fix.title).toBe('Move the 19:00 entry into time order');
    expect(text).toBe(doc('- **10:00:** a', '- **10:10:** c', '- **10:20:** d', '- **19:00:** typo?'));
    expect(order(text)).toEqual([]);
  });

  it('works on the last line of a document without a final line break, on CRLF, and in tables', () => {
    const last = '# P\n\n## Timeline\n\n- 10:00 a\n- 10:30 b\n- 10:10 c';
    expect(move(last).text).toBe('# P\n\n## Timeline\n\n- 10:00 a\n- 10:10 c\n- 10:30 b');
    const crlf = doc('- 10:00 a', '- 10:30 b', '- 10:10 c').replace(/\n/g, '\r\n');
    expect(move(crlf).text).toBe(doc('- 10:00 a', '- 10:10 c', '- 10:30 b').replace(/\n/g, '\r\n'));
    const table = doc('| Time | Event |', '| --- | --- |', '| 10:00 | a |', '| 10:30 | b |', '| 10:10 | c |');
    const moved = move(table).text;
    expect(moved).toBe(doc('| Time | Event |', '| --- | --- |', '| 10:00 | a |', '| 10:10 | c |', '| 10:30 | b |'));
    expect(order(moved)).toEqual([]);
  });

  it('follows a newest-first timeline', () => {
    const template = { ...getBuiltinTemplate('default')!, timeline: { order: 'descending' as const, defaultTimeZone: 'UTC' } };
    const { text } = move(doc('- 10:30 a', '- 10:10 b', '- 10:20 c'), { template });
    expect(text).toBe(doc('- 10:30 a', '- 10:20 c', '- 10:10 b'));
    expect(order(text, { template })).toEqual([]);
  });

  it('is not offered where a move could change what a time reads as, or crosses other text', () => {
    const none = (text: string) => expect(order(text)[0].fixes).toEqual([]);
    // A date line dates what follows it; a mix of dated and undated entries inherits dates.
    none(doc('- 2024-05-14', '- 10:00 a', '- 10:30 b', '- 10:10 c'));
    none(doc('- 2024-05-14 10:00 a', '- 10:30 b', '- 10:10 c'));
    // A paragraph between entries is not the author's to move across.
    none(doc('- 10:00 a', '- 10:30 b', '', 'All times UTC.', '', '- 10:10 c'));
    // Two steps backwards that no single move repairs keep their own problems, each without a move.
    expect(order(doc('- 10:30 a', '- 10:00 b', '- 10:40 c', '- 10:35 d')).every((p) => p.fixes.length <= 1)).toBe(true);
  });

  it('re-lints clean for the rule on the failing fixture', () => {
    const fixture = readFileSync(join(import.meta.dirname, '../fixtures/rules/timeline-order/fail.md'), 'utf8');
    const problems = order(fixture);
    expect(problems.length).toBeGreaterThan(0);
    expect(order(move(fixture).text)).toEqual([]);
  });
});

describe('Move this entry into time order: where the entry lands', () => {
  const moved = (text: string) => move(text).text;
  const body = (...entries: string[]) => doc(...entries);

  it('moves the earlier entry forward to the very end of a document without a final line break', () => {
    expect(moved('# P\n\n## Timeline\n\n- 10:00 a\n- 19:00 b\n- 10:10 c\n- 10:20 d')).toBe('# P\n\n## Timeline\n\n- 10:00 a\n- 10:10 c\n- 10:20 d\n- 19:00 b');
  });

  it('moves the last line of a document that ends with a line break', () => {
    expect(moved('# P\n\n## Timeline\n\n- 10:00 a\n- 10:30 b\n- 10:10 c\n')).toBe('# P\n\n## Timeline\n\n- 10:00 a\n- 10:10 c\n- 10:30 b\n');
  });

  it('moves the first entry forward when it is the one out of place', () => {
    expect(moved('# P\n\n## Timeline\n\n- 10:30 b\n- 10:00 a\n- 10:40 c')).toBe('# P\n\n## Timeline\n\n- 10:00 a\n- 10:30 b\n- 10:40 c');
  });

  it('puts an entry after the entries of the same time, and before the first later one', () => {
    expect(moved(body('- 10:00 a', '- 10:10 b', '- 10:05 c', '- 10:10 d'))).toBe(body('- 10:00 a', '- 10:05 c', '- 10:10 b', '- 10:10 d'));
    expect(moved(body('- 10:00 a', '- 10:30 b', '- 10:10 c', '- 10:20 d', '- 10:40 e'))).toBe(body('- 10:00 a', '- 10:10 c', '- 10:20 d', '- 10:30 b', '- 10:40 e'));
  });

  it('may move past text elsewhere in the timeline, as long as it crosses none', () => {
    expect(moved(body('- 10:00 a', '- 10:30 b', '- 10:10 c', '', 'Note.', '', '- 10:40 d'))).toBe(body('- 10:00 a', '- 10:10 c', '- 10:30 b', '', 'Note.', '', '- 10:40 d'));
    expect(moved(body('- 10:00 a', '', 'Note.', '', '- 10:30 b', '- 10:10 c', '- 10:40 d'))).toBe(body('- 10:00 a', '', 'Note.', '', '- 10:10 c', '- 10:30 b', '- 10:40 d'));
  });

  it('moves entries that all carry their date, and approximate ones', () => {
    expect(moved(body('- 2024-05-01 10:00 a', '- 2024-05-01 10:30 b', '- 2024-05-01 10:10 c'))).toBe(body('- 2024-05-01 10:00 a', '- 2024-05-01 10:10 c', '- 2024-05-01 10:30 b'));
    expect(moved(body('- 10:00 a', '- 10:30 b', '- ~10:10 c', '- 10:40 d'))).toBe(body('- 10:00 a', '- ~10:10 c', '- 10:30 b', '- 10:40 d'));
  });

  it('steps over an unreadable entry, which stays where it is', () => {
    expect(moved(body('- 10:00 a', '- TBD b', '- 10:30 c', '- 10:10 d'))).toBe(body('- 10:00 a', '- TBD b', '- 10:10 d', '- 10:30 c'));
  });

  it('in a newest-first timeline, moves an entry back or the one far behind forward', () => {
    const template = { ...getBuiltinTemplate('default')!, timeline: { order: 'descending' as const, defaultTimeZone: 'UTC' } };
    expect(move(body('- 10:40 a', '- 10:30 b', '- 10:10 c', '- 10:20 d', '- 10:00 e'), { template }).text).toBe(body('- 10:40 a', '- 10:30 b', '- 10:20 d', '- 10:10 c', '- 10:00 e'));
    expect(move(body('- 10:40 a', '- 10:00 b', '- 10:30 c', '- 10:20 d'), { template }).text).toBe(body('- 10:40 a', '- 10:30 c', '- 10:20 d', '- 10:00 b'));
  });

  it('offers each of two separate slips its own move', () => {
    const text = body('- 10:00 a', '- 10:30 b', '- 10:10 c', '- 10:40 d', '- 10:20 e');
    expect(order(text).map((p) => applyFixes(text, p.fixes).text)).toEqual([
      body('- 10:00 a', '- 10:10 c', '- 10:30 b', '- 10:40 d', '- 10:20 e'),
      body('- 10:00 a', '- 10:20 e', '- 10:30 b', '- 10:10 c', '- 10:40 d'),
    ]);
  });
});

describe('Move this entry into time order: whole lines, whatever their ends', () => {
  const moved = (text: string) => move(text).text;

  it('moves an indented entry with its indentation', () => {
    expect(moved(doc('  - 10:00 a', '  - 10:30 b', '  - 10:10 c', '  - 10:40 d'))).toBe(doc('  - 10:00 a', '  - 10:10 c', '  - 10:30 b', '  - 10:40 d'));
  });

  it('keeps CRLF at the end of a document without a final line break, moving either way', () => {
    expect(moved('# P\r\n\r\n## Timeline\r\n\r\n- 10:00 a\r\n- 10:30 b\r\n- 10:10 c')).toBe('# P\r\n\r\n## Timeline\r\n\r\n- 10:00 a\r\n- 10:10 c\r\n- 10:30 b');
    expect(moved('# P\r\n\r\n## Timeline\r\n\r\n- 10:00 a\r\n- 19:00 b\r\n- 10:10 c\r\n- 10:20 d')).toBe('# P\r\n\r\n## Timeline\r\n\r\n- 10:00 a\r\n- 10:10 c\r\n- 10:20 d\r\n- 19:00 b');
  });

  it('keeps a loose CRLF list loose', () => {
    const loose = (...entries: string[]) => `# P\r\n\r\n## Timeline\r\n\r\n${entries.join('\r\n\r\n')}\r\n`;
    expect(moved(loose('- 10:00 a', '- 10:30 b', '- 10:10 c', '- 10:40 d'))).toBe(loose('- 10:00 a', '- 10:10 c', '- 10:30 b', '- 10:40 d'));
  });
});
