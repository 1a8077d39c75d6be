import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { analyze, chunkStarts, getBuiltinTemplate, ParseCache, type Postmortem } from '../../server/src/core/index.js';
import { cutText, hasDefinition, recut } from '../../server/src/core/parse/chunks.js';
import { textChange } from '../../server/src/core/parse/text-change.js';

/** Everything the model says, without the circular parent/section links. */
function snapshot(pm: Postmortem | null) {
  if (!pm) return null;
  const { text: _text, sections: _tree, allSections, timeline, actionItems, ...rest } = pm;
  return {
    ...rest,
    allSections: allSections.map(({ parent, children, template, ...s }) => ({ ...s, parent: parent?.headingRange.start, children: children.length, template: template?.title })),
    timeline: timeline.map(({ section, ...e }) => ({ ...e, section: section.headingRange.start })),
    actionItems: actionItems.map(({ section, ...a }) => ({ ...a, section: section.headingRange.start })),
  };
}

const full = (text: string) => analyze(text, { incremental: false, now: new Date(0) });

const piece = fc.constantFrom(
  '# Postmortem: x\n', '## Impact\n', '## Timeline\n', '## Timeline (UTC)\n', '### June 11\n', '## Root Cause and Resolution\n',
  '### Root Cause\n', '## Corrective and Preventative Measures\n', '## Lessons Learned\n', '#not a heading\n', '    # indented\n',
  '- **03:00 PM:** a\n', '- 15:00 b\n', '- **TBD:** c\n', '- **Fix:** d\n', '- **Fix:** @dana ABC-12 due 2024-06-01\n', '- [x] [PAY-1](https://x/PAY-1) owner: Kim\n', '- **Fxi:** e\n', '- plain\n', '- [ ] task\n',
  '```\n', '~~~\n', '```js\n', '  ```\n', '<!--\n', '-->\n', '<div>\n', '</div>\n', '<!-- postmortem-disable timeline-order -->\n',
  '---\n', 'title: y\n', 'Text\n', '===\n', '> quote\n', '| Time | What |\n', '|---|---|\n', '| 14:00 | x |\n',
  '**Duration:** 2024-01-01 10:00 - 2024-01-01 12:00 (UTC)\n', '[ref]: http://x\n', '\n', '\r\n', '\uFEFF',
);
const documents = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('section-incremental parsing', () => {
  it('cuts before column-0 headings, not inside fences, comments or front matter', () => {
    const text = '---\ntitle: x\n# not a cut\n---\n# A\n```\n# code\n```\n## B\n    # indented\n';
    expect(chunkStarts(text).map((start) => text.slice(start, start + 4))).toEqual(['---\n', '# A\n', '## B']);
  });

  it('gives the same model and problems as a full parse, on random documents', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const incremental = analyze(text, { incremental: true, now: new Date(0) });
        const reference = full(text);
        expect(snapshot(incremental.postmortem)).toEqual(snapshot(reference.postmortem));
        expect(incremental.problems).toEqual(reference.problems);
      }),
      { numRuns: 1500 },
    );
  });

  it('stays equal to a full parse across random edit sequences with a shared cache', () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.oneof(piece, fc.string({ maxLength: 3 })) });
    fc.assert(
      fc.property(documents, fc.array(edit, { maxLength: 15 }), (start, edits) => {
        const cache = new ParseCache();
        let text = start;
        for (const { at, remove, insert } of edits) {
          const position = text.length ? at % (text.length + 1) : 0;
          text = text.slice(0, position) + insert + text.slice(position + remove);
          const incremental = analyze(text, { cache, now: new Date(0) });
          const reference = full(text);
          expect(snapshot(incremental.postmortem)).toEqual(snapshot(reference.postmortem));
          expect(incremental.problems).toEqual(reference.problems);
        }
      }),
      { numRuns: 300 },
    );
  });

  // Long bullet lists are cut between items too: documents long enough for that, list-heavy, with
  // the block kinds that could swallow or interrupt an item (fences, comments, HTML, tables, quotes).
  const listLine = fc.constantFrom(
    '- **03:00 PM:** a\n', '- 15:00 b\n', '* [ ] task\n', '+ **Fix:** c\n', '- x\n  continued\n', '- lazy\ncontinuation\n',
    '-   \n', '- - -\n', '  - nested\n', '2. ordered\n', '- item\n\n  second paragraph\n', '-\tTab\n', 'Para\n',
    '- TBD d\n', '* 14:00 e\n', '- 13:00 f\n', '- 13:30 g\n', '- 16:00 h\n',
  );
  const longDocuments = fc.array(fc.oneof({ weight: 8, arbitrary: listLine }, { weight: 1, arbitrary: piece }), { minLength: 40, maxLength: 300 }).map((parts) => parts.join(''));

  it('cuts long bullet lists between items, and still equals a full parse across edits', () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.oneof(listLine, piece, fc.string({ maxLength: 3 })) });
    let cutInLists = 0;
    fc.assert(
      fc.property(longDocuments, fc.array(edit, { maxLength: 8 }), (start, edits) => {
        const cache = new ParseCache();
        let text = start;
        for (const { at, remove, insert } of [{ at: 0, remove: 0, insert: '' }, ...edits]) {
          const position = text.length ? at % (text.length + 1) : 0;
          text = text.slice(0, position) + insert + text.slice(position + remove);
          cutInLists += chunkStarts(text).filter((cut) => /^[-*+]/.test(text.slice(cut, cut + 1))).length;
          const incremental = analyze(text, { cache, now: new Date(0) });
          const reference = full(text);
          expect(snapshot(incremental.postmortem)).toEqual(snapshot(reference.postmortem));
          expect(incremental.problems).toEqual(reference.problems);
        }
      }),
      { numRuns: 200 },
    );
    // The property must have exercised the cut it is about.
    expect(cutInLists).toBeGreaterThan(100);
  });

  it('re-cuts an edited text exactly as a fresh cut does, resuming above the edit and settling below it', () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.oneof(listLine, piece, fc.string({ maxLength: 3 })) });
    let settled = 0;
    fc.assert(
      fc.property(fc.oneof(longDocuments, documents), fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
        let text = start;
        let cuts = cutText(text);
        for (const { at, remove, insert } of edits) {
          const position = text.length ? at % (text.length + 1) : 0;
          const next = text.slice(0, position) + insert + text.slice(position + remove);
          const change = textChange(text, next);
          cuts = recut(cuts, next, change);
          expect(cuts).toEqual(cutText(next));
          // Cuts on both sides of the change: the scan resumed above it and settled below it.
          if (cuts.starts.some((cut) => cut > 0 && cut < change.from) && cuts.starts.some((cut) => cut > change.newEnd)) settled++;
          text = next;
        }
      }),
      { numRuns: 400 },
    );
    expect(settled).toBeGreaterThan(50);
  });

  it('an edit with a warm cache parses only the piece it touched, and finds the others by place', () => {
    const timeline = `# Postmortem: x\n\n## Timeline\n\n${Array.from({ length: 2000 }, (_, i) => `- **${String(10 + Math.floor(i / 60) % 10).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:** event number ${i}\n`).join('')}`;
    const parsed: string[] = [];
    let lookups = 0;
    const cache = new (class extends ParseCache {
      override lookup(text: string) {
        lookups++;
        return super.lookup(text);
      }
      override set(text: string, tree: Parameters<ParseCache['set']>[1]) {
        parsed.push(text);
        super.set(text, tree);
      }
    })();
    analyze(timeline, { cache });
    const pieces = cache.count;
    parsed.length = 0;
    lookups = 0;
    const edited = timeline.replace('event number 1000', 'event number 1000!');
    const incremental = analyze(edited, { cache });
    expect(parsed.length).toBeGreaterThanOrEqual(1);
    expect(parsed.length).toBeLessThanOrEqual(2);
    expect(parsed.join('')).toContain('event number 1000!');
    // Every piece is kept for the next edit, the unchanged ones by the key they were cached under.
    expect(lookups).toBeGreaterThanOrEqual(pieces - 1);
    expect(cache.count).toBeGreaterThanOrEqual(pieces);
    expect(snapshot(incremental.postmortem)).toEqual(snapshot(full(edited).postmortem));
  });

  it('action items read again from a cached list move with the edit above them, every field kept', () => {
    // Lists of an unchanged piece keep what was read from them (parse/action-cache.ts).
    const items = '- **Fix:** @dana fixes it, ABC-12, due 2024-06-01, status: done\n- [x] [PAY-1](https://x.example/PAY-1) owner: Kim\n- **Fxi:** see https://x.example/t/9 by 2024-07-01\n';
    let text = `# Postmortem: x\n\n**Duration:** 2024-01-01 10:00 - 2024-01-01 12:00 (UTC)\n\n## Impact\n\nText\n\n## Corrective and Preventative Measures\n\n${items}`;
    const cache = new ParseCache();
    analyze(text, { cache, now: new Date(0) });
    for (const edit of ['Texts', 'Te', 'Text\n\nMore text']) {
      text = text.replace(/## Impact\n\n[^#]*\n\n## Corr/, `## Impact\n\n${edit}\n\n## Corr`);
      const incremental = analyze(text, { cache, now: new Date(0) }).postmortem!;
      const reference = full(text).postmortem!;
      expect(reference.actionItems.map((item) => [item.owner?.value, item.ticket?.url ?? item.ticket?.value, item.due?.text, item.status])).toEqual([
        ['@dana', 'ABC-12', '2024-06-01', 'done'],
        ['Kim', 'https://x.example/PAY-1', undefined, 'done'],
        [undefined, 'https://x.example/t/9', '2024-07-01', undefined],
      ]);
      expect(snapshot(incremental)!.actionItems).toEqual(snapshot(reference)!.actionItems);
    }
  });

  it('timeline entries of cached blocks take the day, zone and clock the blocks before them leave', () => {
    // The readings of an unchanged block are kept (parse/timeline/reader.ts) but applied again:
    // the day carried over midnight, the zone note and the date each depend on the blocks before.
    let text = '# Postmortem: x\n\n## Impact\n\nText\n\n## Timeline (UTC)\n\n### 2024-03-01\n\n- **22:00** a\n- **23:30** b\n\n### Later\n\n- **01:15** c\n- **03:00 IST** d\n\n2024-03-03\n\n- e\n';
    const cache = new ParseCache();
    analyze(text, { cache, now: new Date(0) });
    const edits: [string, string][] = [['Text', 'Texts'], ['Texts', 'T'], ['**23:30** b', '**21:30** b'], ['**21:30** b', '**23:45** b'], ['### 2024-03-01', '### 2024-03-02'], ['T\n', 'Te\n']];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      const incremental = analyze(text, { cache, now: new Date(0) }).postmortem!;
      const reference = full(text).postmortem!;
      expect(reference.timeline.filter((e) => e.nextDay || e.zoneNote).map((e) => e.text)).toEqual(['c', 'd']);
      expect(snapshot(incremental)!.timeline).toEqual(snapshot(reference)!.timeline);
      expect(incremental.timelineDates).toEqual(reference.timelineDates);
    }
  });

  it('reads a cached timeline again when the template changes its date order', () => {
    // The server re-checks open documents with their cache after a config change.
    const base = getBuiltinTemplate('default')!;
    const withOrder = (dateOrder: 'dmy' | 'mdy') => ({ ...base, timeline: { ...base.timeline, dateOrder } });
    const text = '# Postmortem: x\n\n## Impact\n\nText\n\n## Timeline\n\n- 03/04/2024 10:00 a\n- 05/04/2024 11:00 b\n';
    const cache = new ParseCache();
    const days = (template: ReturnType<typeof withOrder>, options: { cache?: ParseCache } = {}) =>
      analyze(text, { ...options, template, now: new Date(0) }).postmortem!.timeline.map((e) => new Date(e.instant!).toISOString().slice(0, 10));
    expect(days(withOrder('dmy'), { cache })).toEqual(['2024-04-03', '2024-04-05']);
    expect(days(withOrder('mdy'), { cache })).toEqual(['2024-03-04', '2024-05-04']);
    expect(days(withOrder('mdy'))).toEqual(['2024-03-04', '2024-05-04']);
  });

  it('an edit in a long timeline re-parses about a kilobyte, not the section', () => {
    const timeline = `# Postmortem: x\n\n## Timeline\n\n${Array.from({ length: 2000 }, (_, i) => `- **${String(10 + Math.floor(i / 60) % 10).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:** event number ${i}\n`).join('')}`;
    const cache = new ParseCache();
    analyze(timeline, { cache });
    const parsed: string[] = [];
    const recording = new (class extends ParseCache {
      override lookup(text: string) {
        const found = cache.lookup(text);
        if (!found) parsed.push(text);
        return found;
      }
      override set(text: string, tree: Parameters<ParseCache['set']>[1]) {
        cache.set(text, tree);
      }
    })();
    analyze(timeline.replace('event number 1000', 'event number 1000!'), { cache: recording });
    // The edited line may itself become (or stop being) a cut: then the piece around it splits (or joins).
    expect(parsed.length).toBeGreaterThanOrEqual(1);
    expect(parsed.length).toBeLessThanOrEqual(2);
    expect(parsed.join('').length).toBeLessThan(4096);
    expect(parsed.join('')).toContain('event number 1000!');
  });

  for (const [name, sections] of [
    ['plain sections', Array.from({ length: 50 }, (_, i) => `## Section ${i}\n\nSome text for section ${i}.\n`).join('\n')],
    // Placeholder comments close on their line, so they do not stop the cut.
    ['sections ending in a placeholder comment', Array.from({ length: 50 }, (_, i) => `## Section ${i}\n\nSome text for section ${i}.\n\n<!-- placeholder ${i} -->\n`).join('\n')],
  ]) it(`re-parses only the section an edit touched (${name})`, () => {
    const cache = new ParseCache();
    analyze(sections, { cache });
    let misses = 0;
    const counting = new (class extends ParseCache {
      override lookup(text: string) {
        const found = cache.lookup(text);
        if (!found) misses++;
        return found;
      }
      override set(text: string, tree: Parameters<ParseCache['set']>[1]) {
        cache.set(text, tree);
      }
    })();
    analyze(sections.replace('section 25.', 'section 25!'), { cache: counting });
    expect(misses).toBe(1);
  });

  it('keeps only the pieces of the last analysis: typing does not accumulate old versions', () => {
    let text = Array.from({ length: 20 }, (_, i) => `## Section ${i}\n\nText ${i}.\n`).join('\n');
    const pieces = chunkStarts(text).length;
    const cache = new ParseCache();
    analyze(text, { cache });
    expect(cache.count).toBe(pieces);
    for (let typed = 0; typed < 200; typed++) {
      const at = text.indexOf('Text 7.');
      text = text.slice(0, at) + 'x' + text.slice(at);
      analyze(text, { cache });
    }
    // This version's pieces, and the edited piece as the analysis before saw it.
    expect(cache.count).toBeLessThanOrEqual(pieces + 1);
  });
});

describe('verbatim spans of cached pieces', () => {
  it('move with their piece when an edit above shifts it, and stay put when it does not', () => {
    const text = '# Postmortem: x\n\n## Impact\n\nSlow.\n\n## Root Cause\n\nThe `pool` was [full](http://x) > 90%.\n\n> quoted\n';
    const cache = new ParseCache();
    const spans = (t: string) => analyze(t, { cache, now: new Date(0) }).postmortem!.verbatim ?? [];
    const reference = (t: string) => full(t).postmortem!.verbatim;
    expect(spans(text)).toEqual(reference(text));
    for (const edited of [text.replace('Slow.', 'Very slow.'), text.replace('Slow.', 'S.'), text.replace('quoted', 'quoted more')]) {
      expect(spans(edited)).toEqual(reference(edited));
      expect(spans(edited).length).toBeGreaterThan(2);
    }
  });
});

describe('link definitions stop the cutting', () => {
  it('are found exactly where the multiline regex finds them', () => {
    const DEFINITION = /^ {0,3}\[[^\]\n]{1,999}\]:/m;
    const part = fc.constantFrom('[a]: x', '[', ']', ':', ' ', '   ', '    ', '\n', '\r', '\u2028', '\u2029', 'text', '- [ ] t', '[^1]:', ']:', '[]:', 'x'.repeat(1000));
    fc.assert(fc.property(fc.array(part, { maxLength: 30 }).map((p) => p.join('')), (text) => {
      expect(hasDefinition(text)).toBe(DEFINITION.test(text));
    }), { numRuns: 3000 });
  });
});
