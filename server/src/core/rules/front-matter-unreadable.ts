import type { Fix, Postmortem } from '../types.js';
import type { Rule } from './rule.js';
import { parseFrontMatterYaml, yamlStartOf } from '../parse/metadata.js';
import { applyEdits } from '../fixes/apply.js';

// `title: Postmortem: Disk full`: a key, then a plain value with ": " in it (a comment after it kept).
const COLON_VALUE = /^([ \t]*(?:-[ \t]+)?[\w.-]+:[ \t]+)([^"'\s[{|>&*!#%@`][^\r\n]*?: [^\r\n]*?)([ \t]+#[^\r\n]*)?[ \t]*\r?$/;

// The fix parses the block again to prove itself: past this size that is paid on every keystroke
// for a block nobody writes by hand (3,000 broken lines took 100-170 ms more).
const FIXED_FRONT_MATTER_LIMIT = 16 * 1024;

/** Every such value quoted, when that alone makes the block read as YAML. */
function quoteValues(text: string, frontMatter: NonNullable<Postmortem['frontMatter']>): Fix | undefined {
  // The block starts the file, so where it ends is its size.
  if (frontMatter.range.end > FIXED_FRONT_MATTER_LIMIT) return undefined;
  // The lines between the fences; each ends with a line break, the last one too.
  const yamlStart = yamlStartOf(text, frontMatter.range);
  const block = text.slice(yamlStart, text.lastIndexOf('\n', frontMatter.range.end - 1) + 1);
  const edits: Fix['edits'] = [];
  for (let at = 0; at < block.length; ) {
    const lineEnd = block.indexOf('\n', at);
    const match = COLON_VALUE.exec(block.slice(at, lineEnd));
    if (match) {
      const start = at + match[1].length;
      // A JSON string is a YAML double-quoted one, escapes included.
      edits.push({ start, end: start + match[2].length, newText: JSON.stringify(match[2]) });
    }
    at = lineEnd + 1;
  }
  try {
    // "- key: a: b" lines quoted make a list, which is no more readable than before.
    // Stryker disable next-line ConditionalExpression: a shortcut; the unchanged block fails to parse again anyway.
    if (edits.length === 0 || Array.isArray(parseFrontMatterYaml(applyEdits(block, edits)))) return undefined;
  } catch {
    return undefined;
  }
  // Not for Fix All: once the block is read, its template: may apply, and bring problems of its own.
  return {
    title: edits.length === 1 ? 'Quote the value that has ": " in it' : `Quote the ${edits.length} values that have ": " in them`,
    edits: edits.map((edit) => ({ ...edit, start: edit.start + yamlStart, end: edit.end + yamlStart })),
    isPreferred: true,
    fixAll: false,
  };
}

export const frontMatterUnreadable: Rule = {
  name: 'front-matter-unreadable',
  description: 'The YAML front matter cannot be read, so nothing in it counts: not its template, title or fields.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ postmortem, text, report }) {
    const frontMatter = postmortem.frontMatter;
    if (!frontMatter?.error) return;
    const fix = quoteValues(text, frontMatter);
    report({
      range: frontMatter.errorRange ?? frontMatter.range,
      message: `The front matter cannot be read (${frontMatter.error}), so none of it counts: not its template, title or fields.${fix ? ' A value with ": " in it needs quotes (quick fix).' : ''}`,
      fixes: fix ? [fix] : [],
    });
  },
};
