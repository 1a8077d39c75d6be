import type { ActionField, ActionRequirement, Template } from '../types.js';
import type { Rule } from './rule.js';
import { firstLine } from './rule.js';
import { documentSeverity, whenHolds } from '../fields.js';

const HOW: Record<ActionField, string> = {
  owner: 'an owner (@name or “owner: Name”)',
  ticket: 'a ticket (a key like ABC-123 or a link)',
  due: 'a due date (“due 2024-06-01”)',
};
const HOW_IN_TABLE: Record<ActionField, string> = { owner: 'an owner', ticket: 'a ticket (a key like ABC-123 or a link)', due: 'a due date (2024-06-01)' };

/** The fields every action item needs under this document's severity. */
export function requiredActionFields(template: Template, severity: string | undefined): ActionField[] {
  const list: ActionRequirement[] = template.actionItems === undefined ? [] : Array.isArray(template.actionItems) ? template.actionItems : [template.actionItems];
  const fields = new Set<ActionField>();
  for (const requirement of list) if (whenHolds(requirement.when, severity)) for (const field of requirement.require) fields.add(field);
  return (['owner', 'ticket', 'due'] as const).filter((field) => fields.has(field));
}

export const actionItemIncomplete: Rule = {
  name: 'action-item-incomplete',
  description: 'An open action item lacks an owner, ticket or due date the template requires (actionItems.require).',
  defaultSeverity: 'warning',
  fixable: false,
  check({ postmortem, template, text, report }) {
    const required = requiredActionFields(template, documentSeverity(postmortem, template));
    // Stryker disable next-line ConditionalExpression: a shortcut; with nothing required the loop finds nothing missing
    if (required.length === 0) return;
    for (const item of postmortem.actionItems) {
      // A done item needs nothing more.
      if (item.status === 'done') continue;
      // A due date must be one we can read ("next sprint" is not a date).
      const missing = required.filter((field) => (field === 'due' ? item.due?.value == null : item[field] === undefined));
      if (missing.length === 0) continue;
      const table = item.shape === 'table';
      const how = missing.map((field) => (table ? HOW_IN_TABLE[field] : HOW[field]));
      report({
        range: firstLine(text, { start: item.contentStart, end: item.range.end }),
        message: `Action item needs ${joinAnd(how)}${table ? ' in its row' : ''}.`,
      });
    }
  },
};

function joinAnd(parts: string[]): string {
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
}
