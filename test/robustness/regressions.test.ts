// Cases the property tests found, kept as plain examples so each fix has a test that names it.
import { describe, expect, it } from 'vitest';
import { analyze, defaultTemplate, fixAll, parsePostmortem, type Template } from '../../server/src/core/index.js';

describe('regressions found by the property tests', () => {
  it('a setext heading whose text starts with "#" is setext, and gets no ATX fix', () => {
    const text = '####### Impact\nImpact\n-\n';
    expect(parsePostmortem(text, defaultTemplate()).allSections[0]).toMatchObject({ style: 'setext', level: 2 });

    // With a template title that starts with "#", the heading-level fix used to rewrite the "#"
    // as if it were an ATX marker; the heading stayed a level-2 setext heading.
    const template: Template = { ...defaultTemplate(), sections: [{ title: '#1 Priority', level: 3 }] };
    const [problem] = analyze('#1 Priority\n---\n\nText.\n', { template }).problems;
    expect(problem).toMatchObject({ rule: 'heading-level', fixes: [] });
  });
});
