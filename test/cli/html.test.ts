// postmortem-lint --format html: the preview as one shareable page.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const cli = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/postmortem-lint.cjs'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('postmortem-lint --format html', () => {
  it('writes the preview page of the clean example with its summary values', () => {
    const { status, stdout, stderr } = cli(['--format', 'html', 'examples/clean-postmortem.md']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^<!DOCTYPE html>/);
    expect(stdout).toContain('<title>Postmortem: Checkout API Timeouts After Cache Cluster Failover</title>');
    for (const fact of [
      '<dt>Severity</dt><dd><span class="badge severity">SEV-2</span></dd>',
      '<dt>Status</dt><dd><span class="badge status">Resolved</span></dd>',
      '<dt>Start</dt><dd><time datetime="2024-03-03T09:12:00.000Z">2024-03-03 09:12 UTC</time></dd>',
      '<dt>End</dt><dd><time datetime="2024-03-03T11:40:00.000Z">2024-03-03 11:40 UTC</time></dd>',
      '<dt>Duration</dt><dd><time datetime="PT2H28M">2 h 28 min</time></dd>',
      '<dt>Time to detect</dt><dd><time datetime="PT0H0M">0 min</time>',
      '<dt>Time to resolve</dt><dd><time datetime="PT2H28M">2 h 28 min</time>',
    ]) expect(stdout).toContain(fact);
    expect(stdout).toContain('<td>@dana</td><td>PAY-1423</td>');
  });

  it('is a static page: CSS inlined under a nonce, no script, nothing remote', () => {
    const first = cli(['--format', 'html', 'examples/clean-postmortem.md']).stdout;
    const nonce = /<style nonce="([^"]+)">/.exec(first)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{22,}$/);
    expect(first).toContain(`content="default-src &#39;none&#39;; style-src &#39;nonce-${nonce}&#39;; img-src &#39;none&#39;;`);
    expect(first).toContain('--pm-fg:'); // the stylesheet itself, found from the bundle
    expect(first).not.toContain('<script');
    expect(first).not.toContain('tabindex="');
    // A fresh nonce per page.
    expect(cli(['--format', 'html', 'examples/clean-postmortem.md']).stdout).not.toContain(nonce);
  });

  it('puts several files in one page, a section each, and keeps the exit code', () => {
    const { status, stdout } = cli(['--format', 'html', 'examples/']);
    expect(status).toBe(1); // problems-postmortem.md has errors
    expect(stdout.match(/<!DOCTYPE html>/g)).toHaveLength(1);
    expect([...stdout.matchAll(/<p class="file-name" id="f\d-file">(.*?)<\/p>/g)].map((m) => m[1])).toEqual([
      'examples/atlassian-postmortem.md', 'examples/clean-postmortem.md', 'examples/google-sre-postmortem.md',
      'examples/pagerduty-postmortem.md', 'examples/problems-google-sre-postmortem.md', 'examples/problems-postmortem.md',
    ]);
    expect(stdout).toContain('<strong class="flag">goes backwards</strong>');
  });

  it('puts the metrics in the JSON too', () => {
    const results = JSON.parse(cli(['--format', 'json', 'examples/clean-postmortem.md']).stdout);
    expect(results[0].postmortem.metrics).toEqual({
      start: '2024-03-03T09:12:00.000Z',
      end: '2024-03-03T11:40:00.000Z',
      durationSeconds: 148 * 60,
      timeToDetectSeconds: 0,
      timeToAcknowledgeSeconds: 6 * 60, // "On-call engineer acknowledges the page" at 09:18
      timeToMitigateSeconds: null,
      timeToResolveSeconds: 148 * 60,
    });
  });
});
