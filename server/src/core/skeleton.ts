import type { Template } from './types.js';
import { indexTemplate } from './template-index.js';
import { sectionMarkdown } from './fixes/insert-section.js';
import { templateFields } from './fields.js';

export interface SkeletonOptions {
  title?: string;
  /** YYYY-MM-DD, written into the Duration line (its times stay HH:MM placeholders for the author). */
  date: string;
  /** Written as front matter `template: <name>`, so the file is checked against the template it was made from. */
  templateName?: string;
  eol?: string;
}

/** A new postmortem from a template: every required section with its placeholder. */
export function postmortemSkeleton(template: Template, options: SkeletonOptions): string {
  const frontMatter = options.templateName ? ['---', `template: ${yamlScalar(options.templateName)}`, '---', ''] : [];
  const lines = [
    ...frontMatter,
    `# Postmortem: ${options.title ?? 'Incident title'}`,
    '',
    // Placeholders, not 00:00 - 00:00: that reads as a real, zero-minute incident.
    `**Duration:** ${options.date} HH:MM - HH:MM (UTC)`,
    ...fieldLines(template, options.date),
    '',
  ];
  for (const entry of indexTemplate(template).topLevel) if (entry.required) lines.push(...sectionMarkdown(entry));
  while (lines[lines.length - 1] === '') lines.pop();
  return lines.join(options.eol ?? '\n') + (options.eol ?? '\n');
}

/**
 * The template's other fields, one line each: the Date is today's, a Status starts at its first
 * value (Draft), and the rest are left for the author (placeholder-text says so until filled in).
 */
function fieldLines(template: Template, date: string): string[] {
  return templateFields(template)
    .filter((field) => field.name.toLowerCase() !== 'duration')
    .map((field) => {
      const key = field.name.toLowerCase();
      const value = key === 'date' ? date : key === 'status' && field.values?.length ? field.values[0] : '';
      return `**${field.name}:** ${value}`.trimEnd();
    });
}

/** Plain when YAML reads it back unchanged (built-in names, simple paths), else double-quoted. */
export function yamlScalar(value: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(value) && !/^[-.]/.test(value) ? value : JSON.stringify(value);
}
