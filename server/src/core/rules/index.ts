import type { Rule } from './rule.js';
import { missingSection } from './missing-section.js';
import { emptySection } from './empty-section.js';
import { duplicateSection } from './duplicate-section.js';
import { sectionOrder } from './section-order.js';
import { headingLevel } from './heading-level.js';
import { timelineOrder } from './timeline-order.js';
import { timelineUnreadable } from './timeline-unreadable.js';
import { timelineWindow } from './timeline-window.js';
import { timelineEmpty } from './timeline-empty.js';
import { timelineDirectionRule } from './timeline-direction.js';
import { actionItemUntagged } from './action-item-untagged.js';
import { actionItemUnknownTag } from './action-item-unknown-tag.js';
import { actionItemIncomplete } from './action-item-incomplete.js';
import { missingField } from './missing-field.js';
import { fieldValue } from './field-value.js';
import { timelineMilestones } from './timeline-milestones.js';
import { placeholderText } from './placeholder-text.js';
import { blamelessLanguage } from './blameless-language.js';
import { frontMatterUnreadable } from './front-matter-unreadable.js';

/** Every rule, in the order problems are reported. */
export const RULES: readonly Rule[] = [
  frontMatterUnreadable,
  missingSection,
  emptySection,
  duplicateSection,
  sectionOrder,
  headingLevel,
  timelineOrder,
  timelineUnreadable,
  timelineWindow,
  timelineEmpty,
  timelineDirectionRule,
  actionItemUntagged,
  actionItemUnknownTag,
  actionItemIncomplete,
  missingField,
  fieldValue,
  timelineMilestones,
  placeholderText,
  blamelessLanguage,
];

export const RULES_BY_NAME: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.name, rule]));

export type { Rule, RuleContext, Finding } from './rule.js';
