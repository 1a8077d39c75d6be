import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Stryker stops a mutant's run at its first failing test, so the order of the files decides what
// a killed mutant costs: the small tests of each part first, the whole-document ones after.
// (Vitest's own order puts the slowest files first.)
const FIRST = ['time-forms', 'time', 'time-instants', 'fixes', 'rule-messages', 'move-entry', 'empty-section', 'section-placement', 'skeleton', 'rules', 'timelines'];

const rank = (file: TestSpecification) => {
  const name = /([^/]+)\.test\.ts$/.exec(file.moduleId)?.[1] ?? '';
  const at = FIRST.indexOf(name);
  return at < 0 ? FIRST.length : at;
};

export default class SmallTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}
