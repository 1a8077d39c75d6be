import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, LspTestClient, uriOf } from './harness.js';

describe('startup', () => {
  let server: LspTestClient;
  beforeAll(async () => {
    server = await LspTestClient.start({ folders: [FIXTURES] });
  });
  afterAll(() => server?.stop());

  it('answers initialize without loading the engine, and loads it for the first postmortem', async () => {
    expect(await server.request('postmortem/engineLoaded')).toEqual({ loaded: false });
    // A plain Markdown file is not a postmortem: still no engine.
    const notes = uriOf(join(FIXTURES, 'notes.md'));
    server.open(notes, '# Meeting notes\n\nNothing to see.\n');
    expect(await server.request('postmortem/documentInfo', { uri: notes })).toEqual({ isPostmortem: false, templateName: '', problemCount: 0 });
    expect(await server.request('postmortem/engineLoaded')).toEqual({ loaded: false });

    const path = join(FIXTURES, 'postmortems/webhooks.md');
    server.open(uriOf(path), readFileSync(path, 'utf8'));
    await server.nextDiagnostics(uriOf(path));
    expect(await server.request('postmortem/engineLoaded')).toEqual({ loaded: true });
  });
});
