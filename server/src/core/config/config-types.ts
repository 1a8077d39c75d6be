// Shapes shared by the config loader's small modules; re-exported from load-config.ts.
import type { Range, SectionKind, SeveritySetting, Template, TimelineSettings } from '../types.js';

export interface ConfigProblem {
  message: string;
  /** Offsets in the config file text; {0, 0} when `origin` is set. */
  range: Range;
  severity: 'error' | 'warning';
  /** Set when the problem is in the editor settings or the document's front matter, not in the file. */
  origin?: 'settings' | 'document';
}

export interface ResolvedConfig {
  template: Template;
  /** Built-in name or the template path as written; "default" after a fallback. */
  templateName: string;
  /** What picked the template: the document's front matter, the editor setting (or CLI flag), the config file, or nothing. */
  templateSource: 'document' | 'override' | 'settings' | 'file' | 'default';
  /** Why this template, in words: "front matter template: google-sre", ".postmortemrc.json overrides[0] (files: sev1/**)". */
  templateReason?: string;
  /** Only the rules the file or settings set; a rule not listed keeps its default severity. */
  rules: Record<string, SeveritySetting>;
  problems: ConfigProblem[];
}

export interface ConfigHost {
  /**
   * Text of a template file referenced by a relative path (relative to the config file,
   * or to the workspace folder for `origin: "settings"`), or undefined if not found or
   * not allowed. The caller enforces the workspace boundary and Workspace Trust.
   */
  readTemplate?(path: string, origin: 'file' | 'settings'): string | undefined;
}

export interface ConfigOverrides {
  /** The editor setting (or the CLI's --template): wins over the config file's "template". */
  template?: string;
  /**
   * The document's own choice, front matter `template:` (frontMatterTemplate). Wins over the
   * setting and the config file; a path is relative to the workspace folder, as for the setting.
   * If it cannot be loaded, the template the config would pick applies and a problem says why.
   */
  documentTemplate?: string;
  rules?: Record<string, SeveritySetting>;
  /** The document's path relative to the config file's folder, with `/`: picks the config's "overrides". */
  filePath?: string;
}

/** One entry of `.postmortemrc.json` "overrides": files it applies to, and what changes for them. */
export interface FileOverride {
  files: string[];
  template?: string;
  rules?: Record<string, SeveritySetting>;
}

/** Changes to one template section, as in `.postmortemrc.json` "sections". */
export interface SectionOverride {
  required?: boolean;
  /** Added to the section's aliases. */
  aliases?: string[];
  level?: number;
  kind?: SectionKind;
  placeholder?: string;
}

export interface TemplateOverrides {
  /** Keyed by section title (case-insensitive; aliases also match). */
  sections?: Record<string, SectionOverride>;
  /** Replaces the template's tags. */
  tags?: string[];
  timeline?: Partial<TimelineSettings>;
}
