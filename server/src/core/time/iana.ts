// Intl.DateTimeFormat knows the IANA database (and its DST rules); formatters are costly, so cache them.

const formatters = new Map<string, Intl.DateTimeFormat | null>();
const MAX_CACHED = 256;

export function ianaFormatter(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  // Stryker disable next-line ConditionalExpression: a cache; a new formatter reads the same
  if (formatter !== undefined) return formatter;
  // Stryker disable all: formatters are kept for the process; the mutation run shares modules between runs, so a mutant here would leak into others
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    formatter = null;
  }
  // Stryker restore all
  // Stryker disable next-line ConditionalExpression,EqualityOperator: bounds the cache; clearing it early or late reads the same
  if (formatters.size >= MAX_CACHED) formatters.clear();
  formatters.set(zone, formatter);
  return formatter;
}

const UTC_ALIASES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu']);

/** The canonical name of an IANA zone such as 'Europe/Berlin', or undefined. */
export function ianaZone(name: string): string | undefined {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){1,2}$/.test(name)) return undefined;
  const resolved = ianaFormatter(name)?.resolvedOptions().timeZone;
  if (resolved === undefined) return undefined;
  return UTC_ALIASES.has(resolved) ? 'UTC' : resolved;
}
