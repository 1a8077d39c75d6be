// Texts the commands show: Insert Section's picker rows, Fix All's summary. No vscode import, so
// they are unit-tested directly (test/client/labels.test.ts).
import type { FixAllResult, MissingSection } from '../../server/src/lsp/protocol.js';

export interface SectionPickItem {
  label: string;
  description: string;
  title: string;
}

/** "Conclusion — level 2, after Lessons Learned" (the dash is VS Code's gap between label and description). */
export function sectionPickItem(section: MissingSection): SectionPickItem {
  const where = section.placement ? `, ${section.placement}` : '';
  return { label: section.title, description: `— level ${section.level}${where}`, title: section.title };
}

/** "Fixed 3 problems; 2 left" (what is left needs the author: placeholders, times, wording). */
export function fixAllSummary(result: FixAllResult): string {
  const fixed = `Fixed ${result.fixed} ${result.fixed === 1 ? 'problem' : 'problems'}`;
  return result.remaining === undefined ? fixed : `${fixed}; ${result.remaining} left`;
}
