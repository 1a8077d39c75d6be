// The workspace index behind the Postmortems and Action Items views, through the real server on a
// workspace on disk, and the trees the views build from it (client/src/views/tree-model.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { WORKSPACE_INDEX_REQUEST, type WorkspaceIndexResult } from '../../server/src/lsp/protocol.js';
import { actionTree, openOverdueCount, postmortemTree, type ModelNode } from '../../client/src/views/tree-model.js';
import { LspTestClient, scratchWorkspace, uriOf } from './harness.js';

const postmortem = (title: string, date: string, actions: string) =>
  `# Postmortem: ${title}\n\n**Duration:** ${date} 10:00 - ${date} 11:30 (UTC)\n**Severity:** SEV-2\n**Status:** Resolved\n\n## Impact\n\nSome.\n\n## Timeline\n\n- 10:00 Alert fires.\n- 11:30 Resolved.\n\n## Corrective and Preventative Measures\n\n${actions}\n`;

const labels = (nodes: ModelNode[] | undefined): unknown[] => (nodes ?? []).map((n) => (n.children ? { [n.label]: labels(n.children) } : n.label));

describe('workspace index', () => {
  let server: LspTestClient;
  let root: string;
  let write: (path: string, text: string) => string;
  let remove: () => void;

  beforeAll(async () => {
    ({ root, write, remove } = scratchWorkspace('postmortem-lsp-index-'));
    write('postmortems/2024-03-19-queue.md', postmortem('Queue Backlog', '2024-03-19', '- [ ] **Fix:** Pin the consumer settings @dana due 2024-04-01\n- [x] **TODO:** Read the release notes @sam due 2024-03-25'));
    write('postmortems/2024-05-07-login.md', postmortem('Login Failures', '2024-05-07', '- [ ] **Improvement:** Page identity directly (owner: @sam, due 2024-09-01)\n- [ ] **Fix:** Rebuild the whole chain'));
    write('postmortems/2023-11-02-dns.md', postmortem('DNS Overload', '2023-11-02', '| Action | Owner | Due | Status |\n| --- | --- | --- | --- |\n| **Fix:** Rate-limit lookups | @li | 2023-12-01 | Done |'));
    write('notes/offsite.md', '# Offsite agenda\n\n- lunch\n');
    server = await LspTestClient.start({ folders: [root] });
  });
  afterAll(async () => {
    await server?.stop();
    remove();
  });

  it('lists every postmortem on disk, none of the other Markdown, with its fields', async () => {
    const { postmortems } = (await server.request(WORKSPACE_INDEX_REQUEST, {})) as WorkspaceIndexResult;
    expect(postmortems.map((p) => p.title)).toEqual(['Postmortem: DNS Overload', 'Postmortem: Queue Backlog', 'Postmortem: Login Failures']);
    expect(postmortems[1]).toMatchObject({ date: '2024-03-19', severity: 'SEV-2', status: 'Resolved', durationSeconds: 5400 });
    expect(postmortems[1].actionItems).toEqual([
      { line: 17, text: expect.stringContaining('Pin the consumer settings'), tag: 'Fix', owner: '@dana', due: '2024-04-01', status: 'open' },
      { line: 18, text: expect.stringContaining('Read the release notes'), tag: 'TODO', owner: '@sam', due: '2024-03-25', status: 'done' },
    ]);
  });

  it('builds the Postmortems tree by year and month, newest first', async () => {
    const { postmortems } = (await server.request(WORKSPACE_INDEX_REQUEST, {})) as WorkspaceIndexResult;
    expect(labels(postmortemTree(postmortems))).toEqual([
      { 2024: [{ May: ['Postmortem: Login Failures'] }, { March: ['Postmortem: Queue Backlog'] }] },
      { 2023: [{ November: ['Postmortem: DNS Overload'] }] },
    ]);
  });

  it('builds the Action Items tree by status then owner or tag, marks overdue, counts the badge', async () => {
    const { postmortems } = (await server.request(WORKSPACE_INDEX_REQUEST, {})) as WorkspaceIndexResult;
    const today = '2024-06-01';
    const byOwner = actionTree(postmortems, 'owner', today);
    expect(labels(byOwner).map((g) => Object.keys(g as object)[0])).toEqual(['Open', 'Done']);
    const open = byOwner[0].children!;
    expect(open.map((g) => g.label)).toEqual(['@dana', '@sam', 'No owner']);
    const pin = open[0].children![0];
    expect(pin).toMatchObject({ overdue: true, description: 'Fix · @dana · due 2024-04-01 · overdue', open: { line: 17 } });
    expect(open[1].children![0].overdue).toBe(false);
    // Done items are never overdue, however old their due date.
    expect(byOwner[1].children!.flatMap((g) => g.children!).every((n) => !n.overdue)).toBe(true);
    expect(openOverdueCount(postmortems, today)).toBe(1);
    expect(openOverdueCount(postmortems, '2024-12-31')).toBe(2);
    expect(actionTree(postmortems, 'tag', today)[0].children!.map((g) => g.label)).toEqual(['Fix', 'Improvement']);
  });

  it('follows a file changed on disk and an open document as it is typed', async () => {
    const uri = write('postmortems/2024-03-19-queue.md', postmortem('Queue Backlog Renamed', '2024-03-19', '- [x] **Fix:** Pin the consumer settings @dana due 2024-04-01'));
    let { postmortems } = (await server.request(WORKSPACE_INDEX_REQUEST, { changed: [uri] })) as WorkspaceIndexResult;
    expect(postmortems.find((p) => p.uri === uri)).toMatchObject({ title: 'Postmortem: Queue Backlog Renamed', actionItems: [{ status: 'done' }] });
    const fresh = uriOf(join(root, 'postmortems/2024-08-01-new.md'));
    server.open(fresh, postmortem('Unsaved', '2024-08-01', '- [ ] **Fix:** Something @kim due 2024-08-05'));
    ({ postmortems } = (await server.request(WORKSPACE_INDEX_REQUEST, {})) as WorkspaceIndexResult);
    expect(postmortems.find((p) => p.uri === fresh)?.title).toBe('Postmortem: Unsaved');
  });
});
