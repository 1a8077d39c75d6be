// Generates snippets/postmortem.json from the built-in templates, so the snippets write exactly
// what New Postmortem and the insert-section fix write. `--check` fails when the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILTIN_TEMPLATES, indexTemplate, postmortemSkeleton, type Template } from '../server/src/core/index.js';
import { sectionMarkdown } from '../server/src/core/fixes/insert-section.js';

export const SNIPPETS_FILE = fileURLToPath(new URL('../snippets/postmortem.json', import.meta.url));

export interface Snippet {
  prefix: string | string[];
  description: string;
  body: string[];
}

const TITLE = '\u0000TITLE\u0000';
const DATE = '\u0000DATE\u0000';

/** Snippet syntax gives `$`, `}` and `\` meaning; written text must escape them. */
const escape = (text: string): string => text.replace(/[\\$}]/g, '\\$&');
const slug = (title: string): string => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Escapes the lines and turns each placeholder comment into the next tab stop, so Tab walks the sections. */
function toBody(lines: string[], firstTabStop = 1): string[] {
  let tabStop = firstTabStop;
  return lines.map((line) => {
    const escaped = escape(line)
      .replace(TITLE, () => `\${${tabStop++}:Incident title}`)
      .replaceAll(DATE, '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE');
    return /^<!-- .* -->$/.test(line) ? `\${${tabStop++}:${escaped}}` : escaped;
  });
}

function trimEnd(lines: string[]): string[] {
  const out = [...lines];
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

function wholePostmortem(template: Template): Snippet {
  const text = postmortemSkeleton(template, { title: TITLE, date: DATE });
  return {
    prefix: template.name === 'default' ? ['pm-postmortem', 'pm-postmortem-default'] : `pm-postmortem-${template.name}`,
    description: `A whole postmortem, ${template.name} template: ${template.description ?? ''}`.trim(),
    body: toBody(trimEnd(text.split('\n'))),
  };
}

export function generateSnippets(): Record<string, Snippet> {
  const snippets: Record<string, Snippet> = {};
  for (const template of Object.values(BUILTIN_TEMPLATES)) {
    snippets[`Postmortem (${template.name} template)`] = wholePostmortem(template);
  }
  const defaults = indexTemplate(BUILTIN_TEMPLATES.default);
  for (const entry of defaults.entries) {
    snippets[`Section: ${entry.section.title}`] = {
      prefix: `pm-${slug(entry.section.title)}`,
      description: `The “${entry.section.title}” section of the default template${entry.section.placeholder ? `: ${entry.section.placeholder}` : '.'}`,
      body: toBody(trimEnd(sectionMarkdown(entry))),
    };
  }
  snippets['Timeline entry'] = {
    prefix: 'pm-timeline-entry',
    description: 'A timeline entry at the current time.',
    body: ['- **$CURRENT_HOUR:$CURRENT_MINUTE:** $0'],
  };
  // The clock above is local while templates default to UTC; this one says which zone it is.
  snippets['Timeline entry with time zone'] = {
    prefix: 'pm-timeline-entry-zone',
    description: 'A timeline entry at the current time, with your UTC offset.',
    body: ['- **$CURRENT_HOUR:$CURRENT_MINUTE $CURRENT_TIMEZONE_OFFSET:** $0'],
  };
  // Choice syntax gives `,` and `|` meaning too.
  const choices = defaults.tags.map((tag) => escape(tag).replace(/[,|]/g, '\\$&')).join(',');
  snippets['Action item'] = {
    prefix: 'pm-action',
    description: `An action item with its tag (${defaults.tags.join(', ')}).`,
    body: [`- **\${1|${choices}|}:** $0`],
  };
  return snippets;
}

export function renderSnippets(): string {
  return JSON.stringify(generateSnippets(), null, 2) + '\n';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = renderSnippets();
  if (process.argv.includes('--check')) {
    if (readFileSync(SNIPPETS_FILE, 'utf8') !== text) {
      console.error('snippets/postmortem.json is out of date: run `npm run snippets`.');
      process.exit(1);
    }
  } else {
    writeFileSync(SNIPPETS_FILE, text);
    console.log(`wrote ${SNIPPETS_FILE}`);
  }
}
