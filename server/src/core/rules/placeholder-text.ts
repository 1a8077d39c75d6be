import type { Postmortem, Range, Template } from '../types.js';
import type { Rule } from './rule.js';
import { quote } from './rule.js';
import { hasContent } from './section-content.js';
import { inVerbatim } from '../parse/verbatim.js';
import { isPlaceholderValue } from '../placeholder-words.js';
import { templateFields } from '../fields.js';
import { furthestReach } from './furthest-reach.js';

// TODO is an action-item tag, never a placeholder.
const WORDS = ['TBD', 'TBA', 'TBC', 'lorem ipsum'];
// Tags people write in Markdown on purpose; anything else in angle brackets (`<fill in>`, `<name>`) is a prompt.
const HTML_TAGS = new Set('a abbr audio b bdi bdo blockquote br button caption center cite code col colgroup dd del details dfn div dl dt em figcaption figure font h1 h2 h3 h4 h5 h6 hr i iframe img input ins kbd li mark ol p picture pre q s samp section small source span strike strong sub summary sup table tbody td tfoot th thead tr tt u ul var video wbr'.split(' '));

export const placeholderText: Rule = {
  name: 'placeholder-text',
  description: 'Text that is not written yet: a template placeholder left beside real content, a <fill in> prompt, TBD, lorem ipsum, or a field with no value.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ postmortem, template, text, report }) {
    const spans = postmortem.verbatim ?? [];
    // Whether a finding is inside one reported before (an empty range covers its first character).
    // Each pass below asks in the order of the text, and reports only where it asks: what it reports
    // starts at or before what it asks next. So a pass sweeps what was reported before it, by start,
    // and keeps the furthest reach of its own findings.
    const reported: Range[] = [];
    const reachOf = (r: Range) => Math.max(r.end, r.start + 1);
    let before: (at: number) => number;
    let found = -Infinity;
    const newPass = () => {
      before = furthestReach(reported, reachOf);
      found = -Infinity;
    };
    const taken = (start: number, end: number) => Math.max(before(start), found) >= end;
    const add = (range: Range, message: string) => {
      reported.push(range);
      found = Math.max(found, reachOf(range));
      report({ range, message });
    };
    for (const [range, message] of fieldPlaceholders(postmortem, template)) add(range, message);
    // Times like "TBD" are timeline-unreadable's to report; swept only once a word is found.
    let timeReach: ((at: number) => number) | undefined;
    const inTime = (start: number) => (timeReach ??= furthestReach(postmortem.timeline.map((entry) => entry.timeRange), (r) => r.end))(start) > start;

    const words = [...WORDS, ...(template.placeholders ?? [])].map(escapeRegExp).join('|');
    const pattern = new RegExp(`(?<![\\w-])(?:${words})(?![\\w-])`, 'gi');
    newPass();
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (inVerbatim(spans, start, end) || inTime(start) || taken(start, end)) continue;
      add({ start, end }, `${quote(match[0])} is a placeholder: write what is known, or say what is still unknown and who is finding out.`);
    }

    const placeholders = new Set(allPlaceholders(template));
    newPass();
    for (const span of spans) {
      if (span.kind !== 'html' || taken(span.range.start, span.range.end)) continue;
      const html = text.slice(span.range.start, span.range.end);
      const prompt = /^<([A-Za-z][\w-]*)(?:\s[^<>]*)?>$/.exec(html);
      if (prompt && !HTML_TAGS.has(prompt[1].toLowerCase()) && !/[=/"']/.test(html)) {
        add(span.range, `${quote(html)} is a prompt left from a template: replace it with the real text.`);
        continue;
      }
      // indexOf, not a lazy regex: an unclosed "<!--" on every line would make that quadratic.
      for (let open = html.indexOf('<!--'); open >= 0; open = html.indexOf('<!--', open + 4)) {
        const close = html.indexOf('-->', open + 4);
        if (close < 0) break;
        const body = html.slice(open + 4, close).trim();
        if (placeholders.has(body) && sectionHasContent(postmortem, span.range.start)) {
          const start = span.range.start + open;
          add({ start, end: span.range.start + close + 3 }, 'The template’s placeholder is still here beside the section’s content: remove it.');
        }
        // The next search starts right after this "-->": a comment may follow with no space.
        open = close - 1;
      }
    }
  },
};

/** Fields with no value, or a placeholder for one (`SEV-?`, `[name]`, a Duration of HH:MM). */
function fieldPlaceholders(postmortem: Postmortem, template: Template): [Range, string][] {
  const found: [Range, string][] = [];
  const fields = templateFields(template);
  const wanted = new Set(fields.flatMap((f) => [f.name, ...(f.aliases ?? [])].map((k) => k.toLowerCase())));
  for (const written of postmortem.metadata.fields ?? []) {
    const listed = fields.find((f) => [f.name, ...(f.aliases ?? [])].some((k) => k.toLowerCase() === written.key))?.values ?? [];
    if (written.value.trim() === '') {
      // A bold label over a list ("**What went well:**") has no value by design; a template field does not.
      if (wanted.has(written.key)) found.push([written.valueRange, `${written.name} has no value yet: write it after the colon.`]);
    } else if (isPlaceholderValue(written.value, listed) || (written.key === 'duration' && postmortem.metadata.duration?.placeholder && written.source === 'line')) {
      found.push([written.valueRange, `${written.name} is still a placeholder (${quote(written.value)}): write the real value.`]);
    }
  }
  return found;
}

function allPlaceholders(template: Template): string[] {
  const out: string[] = [];
  const visit = (sections: Template['sections']) => {
    for (const section of sections) {
      if (section.placeholder) out.push(section.placeholder.trim());
      visit(section.sections ?? []);
    }
  };
  visit(template.sections);
  return out;
}

/** Whether the innermost section around `offset` has content besides comments. */
function sectionHasContent(postmortem: Postmortem, offset: number): boolean {
  let section;
  for (const s of postmortem.allSections) if (s.bodyRange.start <= offset && offset < s.bodyRange.end) section = s;
  if (!section) return false;
  const end = section.children[0]?.headingRange.start ?? section.bodyRange.end;
  return hasContent(postmortem.text.slice(section.bodyRange.start, end));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
