export interface TimestampParts {
  year?: number;
  /** 1-12 */
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
  /** Zone written with the timestamp: 'UTC', a fixed offset like '+02:00' / '-08:00', or an IANA name like 'America/New_York' (for Eastern/Pacific/...). */
  zone?: string;
  /** An abbreviation that names more than one zone (IST, CST), as written; `zone` holds the default reading. */
  ambiguousZone?: string;
  /** 0 (Sunday) to 6, when a weekday is written beside the time ("Fri 11:10", "15:00 UTC (Sat)"). */
  weekday?: number;
  approximate: boolean;
  /** The text names a date and no time of day. */
  dateOnly: boolean;
  /** Number of characters of the input consumed (timestamp, range end, zone, closing paren), not counting trailing whitespace. */
  length: number;
}

/** How a numeric date like 03/01 is read: never guessed, so 'ymd' (the default) does not read it at all. */
export type DateOrder = 'ymd' | 'mdy' | 'dmy';

export interface ParseOptions {
  /** Read `1625` as 16:25; only safe at the start of a timeline entry. */
  allowBareHHMM?: boolean;
  dateOrder?: DateOrder;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface ParsedDuration {
  start: TimestampParts | null;
  end: TimestampParts | null;
  /** Zone written anywhere in the duration text, e.g. the trailing "(UTC)"; applies to both ends unless they name their own. */
  zone?: string;
}
