import type { BlamelessPhrase, Postmortem } from '../types.js';
import type { Rule } from './rule.js';
import { quote } from './rule.js';
import { inVerbatim } from '../parse/verbatim.js';
import { findPhrases, findPhrasesAgain } from './blameless-matcher.js';

export const blamelessLanguage: Rule = {
  name: 'blameless-language',
  description: 'Wording that assigns blame or argues what someone should have done (“human error”, “should have”, “X’s fault”), with a blameless way to say it.',
  defaultSeverity: 'info',
  fixable: false,
  check({ postmortem, template, text, cache, report }) {
    const phrases = template.blameless ?? [];
    // Stryker disable next-line ArrayDeclaration: every parsed model has its verbatim spans; the default is for hand-built ones.
    const spans = postmortem.verbatim ?? [];
    // Front matter is among the verbatim spans.
    for (const { start, end, phrase } of cache ? findPhrasesAgain(text, phrases, cache) : findPhrases(text, phrases)) {
      if (inVerbatim(spans, start, end) || quoted(text, start) || inComment(postmortem, start)) continue;
      report({ range: { start, end }, message: `${quote(text.slice(start, end))}: ${phrases[phrase].suggestion}` });
    }
  },
};

/** Inside "double quotes" or “curly quotes” on its line: someone's words, reported as said. */
function quoted(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart, at);
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  const open = before.lastIndexOf('“');
  // Stryker disable next-line EqualityOperator: a closing quote after `open` is never at 0.
  return straight || (open >= 0 && before.indexOf('”', open) < 0);
}

/** Inside an HTML comment the parser did not see as one (a comment in a list item's paragraph is). */
function inComment(postmortem: Postmortem, at: number): boolean {
  const open = postmortem.text.lastIndexOf('<!--', at);
  return open >= 0 && postmortem.text.indexOf('-->', open) > at;
}
