import { describe, expect, it } from 'vitest';
import { localDate, postmortemFileName, slugify } from '../../client/src/file-name.js';

describe('New Postmortem file names', () => {
  it('date the file with the local calendar day', () => {
    expect(localDate(new Date(2024, 4, 7, 23, 59))).toBe('2024-05-07');
  });

  it('slug the title to lower-case ASCII words', () => {
    expect(slugify('Cache stampede: “login” 500s')).toBe('cache-stampede-login-500s');
    expect(slugify('Ünïcödé   Outage / EU-West')).toBe('unicode-outage-eu-west');
    expect(slugify('  --  ')).toBe('postmortem');
    expect(slugify('数据库故障')).toBe('postmortem');
  });

  it('keep slugs short and never end them with a hyphen', () => {
    const slug = slugify(`${'a'.repeat(59)} b c d`);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).not.toMatch(/-$/);
  });

  it('number the candidates after the first', () => {
    expect(postmortemFileName('2024-05-07', 'DNS outage', 1)).toBe('2024-05-07-dns-outage.md');
    expect(postmortemFileName('2024-05-07', 'DNS outage', 2)).toBe('2024-05-07-dns-outage-2.md');
  });
});
