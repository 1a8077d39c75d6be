// postmortem.exclude: a folder's README or index is not a postmortem, even inside postmortems/
// and with "Postmortem" in its title.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/protocol.js';
import { DEFAULT_EXCLUDE } from '../../server/src/core/exclude.js';
import { FIXTURES, LspTestClient, scratchWorkspace, uriOf } from './harness.js';

const FAILING = readFileSync(join(FIXTURES, 'postmortems/webhooks.md'), 'utf8');
const INDEX = '# Postmortem index\n\n- [Webhooks](2024-02-20-webhooks.md)\n';

describe('postmortem.exclude', () => {
  let server: LspTestClient;
  let root: string;
  let exclude: string[] | undefined;
  let write: (path: string, text: string) => string;
  let remove: () => void;

  beforeAll(async () => {
    ({ root, write, remove } = scratchWorkspace('postmortem-lsp-exclude-'));
    write('postmortems/2024-02-20-webhooks.md', FAILING);
    write('postmortems/README.md', INDEX);
    write('postmortems/templates/blank.md', '# Postmortem: <title>\n');
    server = await LspTestClient.start({ folders: [root], settings: () => (exclude ? { exclude } : {}) });
  });
  afterAll(async () => {
    await server?.stop();
    remove();
  });

  it('the server and the CLI share the default', () => {
    expect(DEFAULT_SETTINGS.exclude).toEqual([...DEFAULT_EXCLUDE]);
  });

  it('leaves README and template files out by default, open or not', async () => {
    const readme = uriOf(join(root, 'postmortems/README.md'));
    server.open(readme, INDEX);
    expect(await server.request('postmortem/documentInfo', { uri: readme })).toMatchObject({ isPostmortem: false });
    const since = server.mark();
    expect(await server.request('workspace/executeCommand', { command: 'postmortem.server.lintWorkspace', arguments: [] })).toBe(1);
    expect(server.diagnostics.slice(since).map((p) => p.uri.slice(uriOf(root).length))).toEqual(['/postmortems/2024-02-20-webhooks.md']);
  });

  it('checks them once the setting no longer excludes them', async () => {
    exclude = [];
    server.notify('workspace/didChangeConfiguration', { settings: {} });
    const readme = uriOf(join(root, 'postmortems/README.md'));
    await expect.poll(() => server.request('postmortem/documentInfo', { uri: readme }), { timeout: 5000 }).toMatchObject({ isPostmortem: true });
  });
});
