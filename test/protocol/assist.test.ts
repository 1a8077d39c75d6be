// The pure helpers the server's features stand on: time formatting for new timeline entries,
// postmortem detection by content, the disable comment, and the minimal fix-all edit.
import { describe, expect, it } from 'vitest';
import { formatTimeLike } from '../../server/src/core/assist/format-time.js';
import { disableLineEdit } from '../../server/src/core/assist/disable-comment.js';
import { formatElapsed } from '../../server/src/core/assist/timeline-assist.js';
import { looksLikePostmortem } from '../../server/src/core/detect.js';
import { minimalEdit } from '../../server/src/lsp/edits.js';
import { applyEdits } from '../../server/src/core/fixes/apply.js';

describe('formatTimeLike', () => {
  // Tuesday 2024-09-03 15:07:09 and 09:07:09 on the document's wall clock.
  const afternoon = { year: 2024, month: 9, day: 3, weekday: 2, hour: 15, minute: 7, second: 9 };
  const morning = { ...afternoon, hour: 9 };
  it.each([
    ['03:45 PM', '03:07 PM', '09:07 AM'],
    ['3:45pm', '3:07pm', '9:07am'],
    ['11:00 AM', '3:07 PM', '9:07 AM'],
    ['15:45', '15:07', '09:07'],
    ['15:45:12', '15:07:09', '09:07:09'],
    ['2023-06-10 15:45', '2024-09-03 15:07', '2024-09-03 09:07'],
    ['2023-06-10T15:45:00Z', '2024-09-03T15:07:09Z', '2024-09-03T09:07:09Z'],
    ['June 10, 3:45 PM', 'September 3, 3:07 PM', 'September 3, 9:07 AM'],
    ['Jun 10 2023 15:45 UTC', 'Sep 3 2024 15:07 UTC', 'Sep 3 2024 09:07 UTC'],
    ['10 June 2023, 15:45', '3 September 2024, 15:07', '3 September 2024, 09:07'],
    ['Sat, Jun 10th, 11:00 AM PDT', 'Tue, Sep 3rd, 3:07 PM PDT', 'Tue, Sep 3rd, 9:07 AM PDT'],
    ['1545', '1507', '0907'],
    ['~15:45', '~15:07', '~09:07'],
  ])('%s', (sample, pm, am) => {
    expect(formatTimeLike(sample, afternoon)).toBe(pm);
    expect(formatTimeLike(sample, morning)).toBe(am);
  });
});

describe('formatElapsed', () => {
  it.each([
    [2.5 * 3600_000, false, '2h 30m'],
    [65 * 60_000, true, '+1h 05m'],
    [-15 * 60_000, true, '-15m'],
    [45_000, false, '45s'],
    [0, true, '+0m'],
    [(26 * 60 + 5) * 60_000, false, '1d 2h 05m'],
  ])('%d ms', (ms, signed, text) => expect(formatElapsed(ms, signed)).toBe(text));
});

describe('looksLikePostmortem', () => {
  it.each([
    ['# Postmortem: DNS outage\n', true],
    ['# Post-mortem – DNS\n', true],
    ['Incident Report: DNS\n===\n', true],
    ['---\ntitle: DNS\ntype: postmortem\n---\n# DNS\n', true],
    ['## Q3 Retrospective\n', true],
    ['```\n# Postmortem in a code block\n```\n# Notes\n', false],
    ['# Meeting notes\n\n# Postmortem later\n', false],
    ['---\ntype: runbook\n---\n# Postmortem\n', true],
    ['Plain text mentioning a postmortem.\n', false],
    // The plural names a collection (an index page), not one postmortem.
    ['# Postmortems\n\n- [DNS](dns.md)\n', false],
    ['# Team post-mortems: index\n', false],
    ['# Incident Reports 2024\n', false],
    ['# Retrospectives\n', false],
  ])('%j', (text, expected) => expect(looksLikePostmortem(text)).toBe(expected));
});

describe('disableLineEdit', () => {
  const apply = (text: string, at: string, rule: string) => applyEdits(text, [disableLineEdit(text, text.indexOf(at), rule)]);
  it('appends a comment at the end of the line, before any trailing spaces and the line break', () => {
    expect(apply('a\r\n- item  \r\nb', 'item', 'x-rule')).toBe('a\r\n- item <!-- postmortem-disable-line x-rule -->  \r\nb');
  });
  it('adds the rule to a disable-line comment already there', () => {
    expect(apply('- item <!-- postmortem-disable-line a -->\n', 'item', 'b')).toBe('- item <!-- postmortem-disable-line a, b -->\n');
  });
  it('stays inside the last cell of a table row', () => {
    expect(apply('| 10:00 | Paged |\n', '10:00', 'timeline-order')).toBe('| 10:00 | Paged <!-- postmortem-disable-line timeline-order --> |\n');
  });
});

describe('minimalEdit', () => {
  it.each([
    ['abc', 'abXc'],
    ['line one\r\nline two\r\n', 'line one\r\nline 2\r\n'],
    ['a\r\nb', 'a\nb'],
    ['x😀y', 'x😃y'],
    ['same', 'same'],
    ['', 'new'],
  ])('%j → %j', (before, after) => {
    const edit = minimalEdit(before, after);
    if (before === after) return expect(edit).toBeUndefined();
    expect(applyEdits(before, [edit!])).toBe(after);
    // Never starts or ends between \r and \n, or inside a surrogate pair.
    for (const at of [edit!.start, edit!.end]) {
      expect(before[at - 1] === '\r' && before[at] === '\n').toBe(false);
      expect(/[\uD800-\uDBFF]/.test(before[at - 1] ?? '') && /[\uDC00-\uDFFF]/.test(before[at] ?? '')).toBe(false);
    }
  });
  it('keeps the unchanged ends out of the edit', () => {
    expect(minimalEdit('head middle tail', 'head MIDDLE tail')).toEqual({ start: 5, end: 11, newText: 'MIDDLE' });
  });
});
