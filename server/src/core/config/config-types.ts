// Shapes shared by the config loader's small modules; re-exported from load-config.ts.
import type { Range, SectionKind, SeveritySetting, Template, TimelineSettings } from '../types.js';

export interface ConfigProblem {
  message: string;
  /** Offsets in the config file text; {0, 0} when `origin` is "settings". */
  range: Range;
  severity: 'error' | 'warning';
  /** Set when the problem is in the editor settings (`overrides`), not in the file. */
  origin?: 'settings';
}

export interface ResolvedConfig {
  template: Template;
  /** Built-in name or the template path as written; "default" after a fallback. */
  templateName: string;
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
