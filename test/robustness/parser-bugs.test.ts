// Parser bugs the property tests found in server/src/core/parse/markdown.ts and chunks.ts, which are
// being reworked for incremental parsing: these tests state the expected behaviour and fail until
// the fix lands there.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/core/index.js';

const sections = (text: string, incremental: boolean) =>
  analyze(text, { incremental, now: new Date(0) }).postmortem!.allSections.map((s) => s.title);

describe('parser: front matter', () => {
  // micromark-extension-frontmatter 2.0.0 (open upstream: micromark/micromark-extension-frontmatter#5):
  // when a document starts with "---" that never closes, no list after it is recognised as a list.
  // A chunked parse hides it after the first heading; a single-piece parse (any link reference
  // definition turns chunking off) loses every timeline entry and action item.
  it('a leading "---" rule without a closing fence does not turn lists into paragraphs', () => {
    const body = '## Timeline\n\n- 10:00 Alert fires.\n- 09:00 Deploy.\n\n## Action Items\n\n- **Fxi:** Roll back faster.\n\nSee [the runbook][rb].\n\n[rb]: https://example.com/runbook\n';
    const withRule = analyze(`---\n\n${body}`);
    const without = analyze(body);
    expect(without.postmortem!.timeline).toHaveLength(2);
    expect(withRule.postmortem!.timeline).toHaveLength(2);
    expect(withRule.postmortem!.actionItems).toHaveLength(1);
    expect(withRule.problems.map((p) => p.rule)).toEqual(without.problems.map((p) => p.rule));
  });

  // chunks.ts ends front matter at "..." as well as "---"; remark-frontmatter only at "---". A
  // document whose front matter "ends" with "..." and has a "---" rule later is front matter up to
  // that rule for the parser, but is cut at the headings in between by the chunker.
  it('the chunked parse and the full parse agree on where front matter ends', () => {
    const text = '---\ntitle: x\n...\n# Impact\n\ntext\n---\n';
    expect(sections(text, true)).toEqual(sections(text, false));
  });
});

describe('parser: pieces', () => {
  // A list item ending in an unclosed HTML block at the end of a piece takes the piece's trailing
  // blank line into its range; in the whole document it does not. The item range differs by one "\n".
  it('an action item ending in an open "<!--" has the same range in the chunked and the full parse', () => {
    const text = '## Action Items\n\n* <!--\n\n## Impact\n\nText.\n';
    const ranges = (incremental: boolean) => analyze(text, { incremental }).postmortem!.actionItems.map((i) => i.range);
    expect(ranges(true)).toEqual(ranges(false));
  });
});

describe('parser: front matter with lone CR line endings', () => {
  // markdown.ts decides whether front matter closes with a regex that knows \n and \r\n but not a
  // lone \r, which micromark reads as a line ending too. A CR-only document's front matter then
  // turns into a "---" rule and a setext heading made of its YAML; and adding lines elsewhere can
  // flip the decision (the property tests found a missing-section fix that came back that way).
  it('front matter in a CR-only document is front matter', () => {
    const pm = analyze('---\rtitle: x\r---\r\r## Impact\r\rText.\r').postmortem!;
    expect(pm.frontMatter?.data).toEqual({ title: 'x' });
    expect(pm.allSections.map((s) => s.title)).toEqual(['Impact']);
  });
});
