// postmortem/preview through the bundled language server, the way the extension asks for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, LspTestClient, uriOf } from '../protocol/harness.js';

const FIXTURE = readFileSync(new URL('../fixtures/preview/queue-backlog.md', import.meta.url), 'utf8');

// Shuffled: each test sets up what it needs, whatever ran before it.
describe.shuffle('postmortem/preview request', () => {
  let server: LspTestClient;
  beforeAll(async () => {
    server = await LspTestClient.start({ folders: [FIXTURES] });
  });
  afterAll(() => server?.stop());

  it('renders the open document with the analysis its diagnostics use', async () => {
    const uri = uriOf(join(FIXTURES, 'postmortems/preview-queue.md'));
    server.open(uri, FIXTURE);
    await server.nextDiagnostics(uri);
    const result = await server.request<{ title: string; body: string }>('postmortem/preview', { uri, text: FIXTURE });
    expect(result.title).toBe('Postmortem: Payment Webhooks Delayed by Queue Backlog');
    expect(result.body).toContain('<dt>Time to mitigate</dt><dd><time datetime="PT0H51M">51 min</time>');
    // The same problem the diagnostics show (the untagged action item), as a focusable entry.
    expect(result.body).toMatch(/<li class="problem-item warning" data-line="34" tabindex="0">.*action-item-untagged/);
  });

  it('answers each keystroke with that keystroke\'s text', async () => {
    const uri = uriOf(join(FIXTURES, 'postmortems/preview-typing.md'));
    server.open(uri, FIXTURE);
    await server.nextDiagnostics(uri);
    const timings: number[] = [];
    let text = FIXTURE;
    for (let i = 0; i < 10; i++) {
      text = text.replace('## Impact\n', `## Impact\n\nEdit ${i}.\n`);
      server.change(uri, text);
      const start = performance.now();
      const result = await server.request<{ body: string }>('postmortem/preview', { uri, text });
      timings.push(performance.now() - start);
      expect(result.body).toContain(`Edit ${i}.`);
    }
    timings.sort((a, b) => a - b);
    // Speed is measured by `npm run bench` (preview row), side by side; here only what each answer shows.
    console.log(`postmortem/preview round trip after an edit: median ${timings[5].toFixed(0)} ms, max ${timings[9].toFixed(0)} ms`);
  });

  it('previews a Markdown file that is not a postmortem when asked to, and rejects a request without a uri', async () => {
    const uri = uriOf(join(FIXTURES, 'notes-preview.md'));
    const result = await server.request<{ title: string; body: string }>('postmortem/preview', { uri, text: '# Notes\n\nJust notes.\n' });
    expect(result.title).toBe('Notes');
    expect(result.body).toContain('<p data-line="2">Just notes.</p>');
    await expect(server.request('postmortem/preview', {})).rejects.toThrow(/uri/);
  });
});
