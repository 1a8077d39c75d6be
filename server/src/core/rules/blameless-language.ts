import type { BlamelessPhrase, Postmortem } from '../types.js';
import type { Rule } from './rule.js';
import { quote } from './rule.js';
import { inVerbatim } from '../parse/verbatim.js';

const compiled = new WeakMap<BlamelessPhrase[], RegExp | null>();

// `*` is one word ("j.doe" at most one dot): a class with the dot would run on through "a.a.a…"
// from every word start, which made a 1 MB heading of them take minutes.
const ANY_WORD = '[\\w-]+(?:\\.[\\w-]+)?';

/** One regex for the template's list: whole words, `*` for any one word, any run of spaces between. */
function patternFor(phrases: BlamelessPhrase[]): RegExp | null {
  if (compiled.has(phrases)) return compiled.get(phrases)!;
  const alternatives = phrases.map((p, i) => {
    const words = p.phrase.trim().split(/\s+/).map((word) => word.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")).join(ANY_WORD));
    return `(?<p${i}>${words.join('\\s+')})`;
  });
  const pattern = alternatives.length ? new RegExp(`(?<![\\w'’-])(?:${alternatives.join('|')})(?![\\w-])`, 'gi') : null;
  compiled.set(phrases, pattern);
  return pattern;
}

export const blamelessLanguage: Rule = {
  name: 'blameless-language',
  description: 'Wording that assigns blame or argues what someone should have done (“human error”, “should have”, “X’s fault”), with a blameless way to say it.',
  defaultSeverity: 'info',
  fixable: false,
  check({ postmortem, template, text, report }) {
    const phrases = template.blameless ?? [];
    const pattern = patternFor(phrases);
    if (!pattern) return;
    const spans = postmortem.verbatim ?? [];
    const bodyStart = postmortem.frontMatter?.range.end ?? 0;
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (start < bodyStart || inVerbatim(spans, start, end) || quoted(text, start) || inComment(postmortem, start)) continue;
      const which = Object.entries(match.groups ?? {}).find(([, value]) => value !== undefined)?.[0];
      const phrase = phrases[Number(which?.slice(1))];
      report({ range: { start, end }, message: `${quote(match[0])}: ${phrase.suggestion}` });
    }
  },
};

/** Inside "double quotes" or “curly quotes” on its line: someone's words, reported as said. */
function quoted(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart, at);
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  const open = before.lastIndexOf('“');
  return straight || (open >= 0 && before.indexOf('”', open) < 0);
}

/** Inside an HTML comment the parser did not see as one (a comment in a list item's paragraph is). */
function inComment(postmortem: Postmortem, at: number): boolean {
  const open = postmortem.text.lastIndexOf('<!--', at);
  return open >= 0 && postmortem.text.indexOf('-->', open) > at;
}
