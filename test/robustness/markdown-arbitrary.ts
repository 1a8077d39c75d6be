// fast-check generators for postmortem-shaped Markdown: mostly our own syntax (template
// headings, timelines, tagged action items, Duration lines, disable comments) mixed with the
// characters that change how Markdown parses, odd line endings and odd Unicode.
import fc from 'fast-check';

const SECTION_TITLES = [
  'Impact', 'Timeline', 'Root Cause and Resolution', 'Root Cause', 'Resolution',
  'Corrective and Preventative Measures', 'Lessons Learned', 'Conclusion',
  // aliases and near misses
  'Customer Impact', 'Root Cause & Resolution', 'Action Items', 'Fix', 'Timeline (UTC)', 'Incident Timeline',
  'Lessons Learnt', 'Impacts', 'Root  cause', 'Conclusions', 'Summary', 'Postmortem: Outage', 'June 11',
  '2023-06-11', 'Notes',
];

const RULE_NAMES = [
  'missing-section', 'empty-section', 'duplicate-section', 'section-order', 'heading-level',
  'timeline-order', 'timeline-unreadable', 'timeline-window', 'action-item-untagged', 'action-item-unknown-tag',
  'no-such-rule',
];

export const timestamp: fc.Arbitrary<string> = fc.constantFrom(
  '03:00 PM', '3:04 pm', '15:00', '15:00:20', '09:05', '23:59', '00:00', '24:00', '25:61', '2023-06-10 15:00',
  '2023-06-10T15:00Z', '2023-06-10 15:00 UTC', '2023-06-10', 'June 10', 'Jun 10, 2023 3:04 PM', '15:00 PST',
  '15:00 +02:00', '15:00 Europe/Berlin', 'TBD', '??:??', 'X', '~03:05', '~ 15:00', 'approx. 15:10', '15:00ish',
  '14:00 - 15:00', '15:00–15:30', '12:00 AM', '1500', '15h00', '15.00', '2023-13-45 99:99', '',
);

export const tag: fc.Arbitrary<string> = fc.constantFrom(
  '**Fix:**', '**Fxi:**', '**Improvement:**', '**Imprvement:**', '**TODO:**', '**todo:**', '**Fix**:', '__Fix:__',
  '__Fxi__:', 'Fix:', 'TODO:', '**X:**', '** Fix :**', '**Mitigate:**', '**Prevnt:**', '**Fix:', '**:**', '',
);

/** Characters and fragments that change how Markdown parses. */
const markdownNoise: fc.Arbitrary<string> = fc.constantFrom(
  '*', '**', '_', '__', '[', ']', '(', ')', '`', '```', '\\', '>', '|', '<!--', '-->', '<', '&amp;', '[x](y)',
  '![i](u)', '<b>', ' ', '  ', '\t', '#', '-', '1.', ':', '~', '---', '===', '[^1]', '[^1]: n', '<https://x>',
);

/** Unicode that trips index arithmetic: astral characters, combining marks, lone surrogates, BOM, NBSP. */
const oddUnicode: fc.Arbitrary<string> = fc.constantFrom(
  '🔥', '👩‍💻', 'é', 'e\u0301', '\u0301', '\uD800', '\uDC00', '\uDBFF\uDFFF', '\uFEFF', '\u00A0', '\u200B', 'ß', 'İ',
  '\u2028', 'Ω', '中文',
);

const word: fc.Arbitrary<string> = fc.constantFrom(
  'cache', 'failover', 'the', 'API', 'pager', 'rollback', 'owner:', '@dana', 'PAY-12', 'Duration', 'Fix', 'UTC', 'at',
  '15:00', 'Impact', 'Timeline', 'x',
);

/** A short run of inline text, mostly words with some noise. */
export const inline: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 6, arbitrary: word }, { weight: 3, arbitrary: markdownNoise }, { weight: 1, arbitrary: oddUnicode }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), { maxLength: 6 })
  .map((parts) => parts.join(' '));

const numbering = fc.constantFrom('', '', '', '1. ', '2) ', 'II. ', 'a) ', '3.1 ');
const emphasis = fc.constantFrom(['', ''], ['', ''], ['**', '**'], ['_', '_'], ['`', '`'], ['*', '']);

export const title: fc.Arbitrary<string> = fc
  .tuple(numbering, emphasis, fc.constantFrom(...SECTION_TITLES), fc.constantFrom('', '', ':', ' (UTC)', ' ##', ' &', '!'), fc.constantFrom('as-is', 'lower', 'upper'))
  .map(([n, [open, close], t, tail, kase]) => {
    const text = kase === 'lower' ? t.toLowerCase() : kase === 'upper' ? t.toUpperCase() : t;
    return `${n}${open}${text}${close}${tail}`;
  });

const atxHeading = fc
  .tuple(fc.constantFrom('', '', '', ' ', '   ', '    '), fc.integer({ min: 1, max: 7 }), fc.constantFrom(' ', ' ', '\t', '', '  '), title)
  .map(([indent, level, space, t]) => `${indent}${'#'.repeat(level)}${space}${t}`);

const setextHeading = fc.tuple(title, fc.constantFrom('===', '---', '-', '=')).map(([t, line]) => `${t}\n${line}`);

const checkbox = fc.constantFrom('', '', '', '[ ] ', '[x] ', '[X] ', '[ ]', '[] ');
const listMarker = fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '-', '  - ', '    - ', '-   ');

const timelineItem = fc
  .tuple(listMarker, checkbox, fc.constantFrom('', '**', '`', '_'), timestamp, fc.constantFrom(':', '', ' -', ' |', ':**', '**:', '`'), inline)
  .map(([marker, box, open, time, sep, text]) => `${marker}${box}${open}${time}${sep} ${text}`);

const actionItem = fc
  .tuple(listMarker, checkbox, tag, inline)
  .map(([marker, box, t, text]) => `${marker}${box}${t} ${text}`);

const tableBlock = fc
  .tuple(
    fc.constantFrom('| Time | Event |', '| When | What |', '| Event | Time |', 'Time | Event', '| a |'),
    fc.constantFrom('|---|---|', '| --- | :-: |', '---|---', '|-|', ''),
    fc.array(fc.tuple(timestamp, inline), { maxLength: 4 }),
  )
  .map(([header, delimiter, rows]) => [header, delimiter, ...rows.map(([t, e]) => `| ${t} | ${e.replace(/\n/g, ' ')} |`)].join('\n'));

const durationLine = fc
  .tuple(fc.constantFrom('**Duration:**', '**Duration**:', '__Duration:__', 'Duration:', '**Date:**', '**Severity:**'), timestamp, fc.constantFrom(' - ', ' to ', '–', ''), timestamp)
  .map(([key, a, dash, b]) => `${key} ${a}${dash}${b}`);

const directive = fc
  .tuple(
    fc.constantFrom('disable', 'enable', 'disable-line', 'disable-next-line', 'disabled', 'disable-next'),
    fc.array(fc.constantFrom(...RULE_NAMES), { maxLength: 3 }),
    fc.constantFrom(' ', ', ', ','),
    fc.constantFrom(' -->', '-->', '', ' --', ' --!>'),
  )
  .map(([kind, rules, separator, close]) => `<!-- postmortem-${kind}${rules.length ? ' ' + rules.join(separator) : ''}${close}`);

const frontMatter = fc
  .tuple(
    fc.constantFrom('title: Outage', 'date: 2023-06-10', 'duration: 15:00 - 16:00', 'a: &x [1, 2]\nb: *x', 'title: [unclosed', 'severity: SEV-1', ''),
    fc.constantFrom('---', '---', '...', ''),
  )
  .map(([body, close]) => `---\n${body}\n${close}`);

const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: atxHeading },
  { weight: 1, arbitrary: setextHeading },
  { weight: 4, arbitrary: timelineItem },
  { weight: 4, arbitrary: actionItem },
  { weight: 1, arbitrary: tableBlock },
  { weight: 2, arbitrary: durationLine },
  { weight: 1, arbitrary: directive },
  { weight: 3, arbitrary: inline },
  { weight: 1, arbitrary: fc.constantFrom('', '', '---', '```', '~~~', '```js', '<!--', '-->', '> ', '    indented code', '<div>', '</div>', '<!-- a comment -->', '[ref]: https://x') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('> ', '> > ', '  ', '\t', '1. > '), fc.oneof(atxHeading, actionItem, timelineItem, inline)).map(([p, b]) => p + b) },
);

export type Eol = 'lf' | 'crlf' | 'cr' | 'mixed';

/** Joins lines with the chosen line ending; "mixed" picks one per line from `choices`. */
function withEol(lines: string[], eol: Eol, choices: number[]): string {
  const joined = lines.join('\n');
  if (eol === 'lf') return joined;
  if (eol === 'crlf') return joined.replace(/\n/g, '\r\n');
  if (eol === 'cr') return joined.replace(/\n/g, '\r');
  let i = 0;
  return joined.replace(/\n/g, () => ['\n', '\r\n', '\r'][choices[i++ % choices.length] ?? 0]);
}

/** A postmortem-like Markdown document, a few hundred characters at most. */
export const markdownDoc: fc.Arbitrary<string> = fc
  .record({
    bom: fc.constantFrom(false, false, false, true),
    frontMatter: fc.option(frontMatter, { freq: 6 }),
    title: fc.option(fc.constantFrom('# Postmortem: Checkout outage', '# Outage 🔥', 'Title\n=====', '# Impact'), { freq: 3 }),
    blocks: fc.array(fc.tuple(block, fc.constantFrom('\n', '\n', '\n\n', '')), { maxLength: 14 }),
    eol: fc.constantFrom<Eol>('lf', 'lf', 'lf', 'crlf', 'cr', 'mixed'),
    eolChoices: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 5 }),
    trailing: fc.constantFrom('', '\n', '\n\n', ' ', '\\'),
  })
  .map(({ bom, frontMatter: fm, title: t, blocks, eol, eolChoices, trailing }) => {
    const parts: string[] = [];
    if (fm !== null) parts.push(fm + '\n');
    if (t !== null) parts.push(t + '\n\n');
    for (const [b, sep] of blocks) parts.push(b + sep);
    const body = parts.join('') + trailing;
    return (bom ? '\uFEFF' : '') + withEol(body.split('\n'), eol, eolChoices);
  });

/** Closer to a real postmortem: the default template's sections, some dropped, moved or misspelt, each with content of its kind. */
export const structuredDoc: fc.Arbitrary<string> = fc
  .record({
    title: fc.constantFrom('# Postmortem: Checkout outage\n', '# Outage\n', ''),
    duration: fc.option(durationLine, { freq: 2 }),
    sections: fc.array(
      fc.tuple(
        fc.constantFrom(['Impact', 'text'], ['Timeline', 'timeline'], ['Root Cause and Resolution', 'text'], ['Root Cause', 'text'], ['Resolution', 'text'], ['Corrective and Preventative Measures', 'actions'], ['Lessons Learned', 'text'], ['Conclusion', 'text'], ['Action Items', 'actions']),
        fc.constantFrom('## ', '## ', '## ', '### ', '# ', '#### ', '## 1. ', '## **'),
        fc.array(fc.oneof(timelineItem, actionItem, inline, tableBlock, directive, fc.constantFrom('', '<!-- placeholder -->', '```', '<!--')), { maxLength: 5 }),
        fc.array(timelineItem, { maxLength: 4 }),
        fc.array(actionItem, { maxLength: 4 }),
      ),
      { maxLength: 9 },
    ),
    crlf: fc.constantFrom(false, false, false, true),
  })
  .map(({ title: t, duration, sections, crlf }) => {
    const lines: string[] = [t];
    if (duration !== null) lines.push(duration, '');
    for (const [[name, kind], prefix, extra, entries, actions] of sections) {
      lines.push(prefix + name + (prefix.endsWith('**') ? '**' : ''), '');
      if (kind === 'timeline') lines.push(...entries);
      if (kind === 'actions') lines.push(...actions);
      lines.push(...extra, '');
    }
    const text = lines.join('\n');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

/** Documents from the generator above, with a few random edits on top: cuts, duplicated spans, raw noise. */
export const mutatedDoc: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(markdownDoc, structuredDoc), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.oneof(markdownNoise, oddUnicode, fc.string({ maxLength: 3 }), fc.constantFrom('\n', '\r\n', '\r'))), { maxLength: 3 }))
  .map(([doc, edits]) => {
    let text = doc;
    for (const [at, cut, insert] of edits) {
      const start = text.length ? at % (text.length + 1) : 0;
      text = text.slice(0, start) + insert + text.slice(Math.min(text.length, start + cut));
    }
    return text;
  });

/** The document generator the properties use: mostly well-formed, some mutated. */
export const postmortemMarkdown: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: markdownDoc },
  { weight: 2, arbitrary: structuredDoc },
  { weight: 1, arbitrary: mutatedDoc },
);
