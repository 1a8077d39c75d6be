// The postmortem model and the shapes shared by parser, rules, fixes and every view.
// All ranges are UTF-16 offsets into the original text (JS string indices), end exclusive.

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface Range {
  start: number;
  end: number;
}

export interface TextEdit extends Range {
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The single obvious fix for its problem. */
  isPreferred?: boolean;
  /**
   * Whether Fix All and `--fix` may apply it unattended. Defaults to isPreferred; false for fixes
   * that could make the document worse (an inserted section, a level change that empties a parent),
   * which stay quick fixes the author picks.
   */
  fixAll?: boolean;
}

export interface RelatedInformation {
  range: Range;
  message: string;
}

export interface Problem {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  related?: RelatedInformation[];
}

// ---- templates (data, validated by schemas/template.schema.json) ----

export type SectionKind = 'text' | 'timeline' | 'actions';

export interface TemplateSection {
  title: string;
  aliases?: string[];
  /** Defaults to true. */
  required?: boolean;
  /** Heading level; defaults to 2 for top-level sections and parent level + 1 for children. */
  level?: number;
  /** Defaults to "text". */
  kind?: SectionKind;
  /** Body inserted by fixes and new documents; a section whose body is only this counts as empty. */
  placeholder?: string;
  sections?: TemplateSection[];
  /** Required only for these severities (e.g. Five Whys for SEV-1 and SEV-2). */
  when?: When;
}

/** A condition on the incident: it holds when the document's Severity is one of these. */
export interface When {
  severity: string[];
}

/** An incident field (`**Severity:** SEV-2` or front matter `severity: SEV-2`). */
export interface TemplateField {
  name: string;
  /** Other keys accepted for it ("Sev", "Incident Severity"). */
  aliases?: string[];
  /** The values it may take, as the template spells them; any value when absent. */
  values?: string[];
  /** Required only for these severities. */
  when?: When;
}

export type ActionField = 'owner' | 'ticket' | 'due';

/** Which fields an action item needs; a list of these applies each when its condition holds. */
export interface ActionRequirement {
  require: ActionField[];
  when?: When;
}

export type MilestoneName = 'detected' | 'acknowledged' | 'mitigated' | 'resolved';

/** A moment the timeline must show, and the words an entry names it with (matched at word starts). */
export interface TemplateMilestone {
  name: MilestoneName;
  words: string[];
}

/** A phrase that assigns blame or argues a counterfactual, and what to write instead. */
export interface BlamelessPhrase {
  phrase: string;
  suggestion: string;
}

export interface TimelineSettings {
  order: 'ascending' | 'descending';
  /** Zone used when neither the entry, the heading, a preamble line nor the Duration names one. */
  defaultTimeZone: string;
  /** How numeric dates (03/01) are read; 'ymd' (default) reads none of them. */
  dateOrder?: 'ymd' | 'mdy' | 'dmy';
  /** Ambiguous abbreviation → zone ("IST" → "Europe/Dublin"). */
  zoneAliases?: Record<string, string>;
}

export interface Template {
  name: string;
  description?: string;
  /** Whether the document must follow the template's section order (section-order rule). */
  ordered?: boolean;
  sections: TemplateSection[];
  tags: string[];
  timeline: TimelineSettings;
  /** Incident fields the document must give, in the order they are written. A string is a field with any value. */
  fields?: (string | TemplateField)[];
  /** What action items need (action-item-incomplete). */
  actionItems?: ActionRequirement | ActionRequirement[];
  /** The milestones the timeline shows, in the order they happen (timeline-milestones). */
  milestones?: TemplateMilestone[];
  /** Phrases blameless-language reports. */
  blameless?: BlamelessPhrase[];
  /** Words that mark text as not written yet (placeholder-text), besides the template's own placeholders. */
  placeholders?: string[];
}

// ---- the parsed document ----

export interface Located<T = string> {
  value: T;
  text: string;
  range: Range;
}

export interface DurationMeta {
  text: string;
  range: Range;
  /** Epoch milliseconds, or null when unreadable. */
  start: number | null;
  end: number | null;
  /** Whether the end carried its own date (a time-only end inherits the start's date). */
  endHasDate: boolean;
  /** Zone the Duration names, if any (canonical: 'UTC', '+02:00', 'America/New_York'). */
  zone?: string;
  /** Still the template's placeholder (`HH:MM`, `<start>`, TBD): not read, so start and end are null. */
  placeholder?: boolean;
}

export interface Metadata {
  duration?: DurationMeta;
  date?: Located<number | null>;
  severity?: Located;
  status?: Located;
  /** Other `**Key:** value` lines and front-matter keys, lower-cased keys. */
  extra: Record<string, Located>;
  /** Every field written (the first of each key), in document order, front matter last. */
  fields?: WrittenField[];
}

/** One incident field as written: `**Severity:** SEV-2`, or `severity: SEV-2` in front matter. */
export interface WrittenField {
  /** Lower-cased key. */
  key: string;
  /** The key as written. */
  name: string;
  value: string;
  /** The whole line. */
  range: Range;
  /** Where the value is (empty at the end of the line when there is none). */
  valueRange: Range;
  source: 'line' | 'front matter';
}

export interface Section {
  title: string;
  /** Title as matched: lower-case, no numbering, emphasis or trailing colon. */
  key: string;
  level: number;
  /** The heading itself. */
  headingRange: Range;
  /** Heading start to the start of the next heading of the same or a higher level. */
  range: Range;
  /** After the heading line to the end of the section (includes child sections). */
  bodyRange: Range;
  /** ATX (`## x`) or setext (underlined). */
  style: 'atx' | 'setext';
  children: Section[];
  parent?: Section;
  /** The template section this heading matched, if any. */
  template?: TemplateSection;
  kind: SectionKind;
}

export interface TimelineEntry {
  /** The whole entry (list item or table row). */
  range: Range;
  /** Where the time is written. */
  timeRange: Range;
  timeText: string;
  /** Entry text after the time. */
  text: string;
  /** Epoch milliseconds; null when the time could not be read. */
  instant: number | null;
  /** The entry names only a date: it sets the date for the entries after it. */
  dateOnly: boolean;
  /** Whether the instant's date was written on this entry (as opposed to inherited). */
  hasDate: boolean;
  /** Whether any date applies (written here, inherited from an earlier entry or the metadata). */
  dateKnown: boolean;
  approximate: boolean;
  /** How precisely the time is known: 'day' for a date alone; null when unreadable. */
  precision: 'day' | 'minute' | 'second' | null;
  /** The zone the entry was read in ('UTC', '+02:00' or an IANA name); null when unreadable. */
  zone: string | null;
  /** How an ambiguous zone abbreviation (IST, CST) was read, for messages. */
  zoneNote?: string;
  /** Whether the year is known (written, or from a heading, the Duration, front matter, title or file name). */
  yearKnown: boolean;
  /** A time-only entry read as the next day: it goes back across midnight from the entry before it. */
  nextDay?: boolean;
  /** Newest first: a time-only entry read as the day before, going forward across midnight from the entry above. */
  previousDay?: boolean;
  section: Section;
}

/** A date written on its own (a `### May 12` heading, a `2024-03-20:` line): it dates what follows. */
export interface TimelineDateMark {
  range: Range;
  text: string;
  /** Midnight of that day in the timeline's zone. */
  instant: number;
}

export interface ActionItem {
  range: Range;
  /** The known tag, spelled as the template spells it; null when untagged or unknown. */
  tag: string | null;
  /** The label as written (`Fxi`), when there is one. */
  writtenTag?: string;
  /** Where the label's text is, inside the bold markers; in a table, the Type cell (empty when nothing is written). */
  tagRange?: Range;
  /** Where a tag would be inserted: the start of the item's text (after any checkbox). */
  contentStart: number;
  text: string;
  checked: boolean | null;
  section: Section;
  /** How the item was written: a list item (tagged or task-list) or a table row. */
  shape?: 'list' | 'table';
  /** Who owns it (`@name`, `owner: Name`, an Owner column), as written. */
  owner?: Located;
  /**
   * Its ticket: a key such as `ABC-123` or a link, as written. value is the key or link text,
   * text the source (`[PAY-1](https://…)`), url where a link points.
   */
  ticket?: Located & { url?: string };
  /** When it is due: value is midnight UTC of that day, or null when written but unreadable. */
  due?: Located<number | null>;
  /** open or done, from a checkbox or a Status column; absent when the document does not say. */
  status?: 'open' | 'done';
}

/** Text that is not the author's prose: code, a link, HTML, a quotation, front matter. */
export interface Verbatim {
  kind: 'code' | 'link' | 'html' | 'quote' | 'front matter';
  range: Range;
}

export interface DisableDirective {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Empty means all rules. */
  rules: string[];
  range: Range;
}

export interface Postmortem {
  text: string;
  title?: Located;
  /**
   * `error` when its YAML cannot be read, or is not `key: value` lines (a list, a lone value);
   * `errorRange` is where, on the line the YAML parser stopped at.
   */
  frontMatter?: { range: Range; data: Record<string, unknown> | null; error?: string; errorRange?: Range };
  metadata: Metadata;
  /** Top-level sections (tree); headings above the first are in `allSections` too. */
  sections: Section[];
  /** Every section in document order. */
  allSections: Section[];
  /** How much deeper than the template this document writes its sections: 1 under an H2 title. */
  headingOffset: number;
  timeline: TimelineEntry[];
  /** Dates written on their own between entries, in document order. */
  timelineDates: TimelineDateMark[];
  /** Direction the file declares (`<!-- postmortem-timeline newest-first -->` or front matter), if any. */
  timelineDirection?: { order: 'ascending' | 'descending'; range: Range };
  actionItems: ActionItem[];
  directives: DisableDirective[];
  /** Code, links, HTML, quotations and front matter, in document order (wording rules skip them). */
  verbatim?: Verbatim[];
  /** Offsets where each line starts, for offset ↔ line/column. */
  lineStarts: number[];
}
