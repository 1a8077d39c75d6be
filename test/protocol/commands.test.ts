import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, FIXTURES, LspTestClient, scratchWorkspace, uriOf } from './harness.js';

const FAILING = readFileSync(join(FIXTURES, 'postmortems/webhooks.md'), 'utf8');
const CLEAN = readFileSync(join(FIXTURES, 'postmortems/clean.md'), 'utf8');
const CONCLUSION = '\n## Conclusion\n\n<!-- Where things stand now and what happens next, in a few sentences. -->\n';

// Shuffled: each test sets up what it needs, whatever ran before it.
describe.shuffle('commands and custom requests', () => {
  let server: LspTestClient;
  let root: string;
  let write: (path: string, text: string) => string;
  let remove: () => void;

  beforeAll(async () => {
    ({ root, write, remove } = scratchWorkspace('postmortem-lsp-commands-'));
    write('postmortems/webhooks.md', FAILING);
    write('incidents/2024/search.md', CLEAN);
    write('notes/readme.md', '# Team notes\n\n- 10:00 not a timeline\n');
    write('node_modules/pkg/postmortems/vendored.md', FAILING);
    write('team/.postmortemrc.json', '{ "template": "google-sre" }\n');
    server = await LspTestClient.start({ folders: [root] });
    // Open for every test (none edits it): the commands act on an open document.
    const uri = uriOf(join(root, 'postmortems/webhooks.md'));
    server.open(uri, FAILING);
    await server.nextDiagnostics(uri);
  });
  afterAll(async () => {
    await server?.stop();
    remove();
  });

  it('advertises its commands', () => {
    expect(server.initializeResult?.capabilities.executeCommandProvider?.commands).toEqual(['postmortem.server.fixAll', 'postmortem.server.insertSection', 'postmortem.server.lintWorkspace']);
  });

  it('answers missingSections and documentInfo', async () => {
    const uri = uriOf(join(root, 'postmortems/webhooks.md'));
    server.open(uri, FAILING);
    expect(await server.request('postmortem/missingSections', { uri })).toEqual([
      { title: 'Resolution', level: 3, placement: 'after Root Cause' },
      { title: 'Conclusion', level: 2, placement: 'after Lessons Learned' },
    ]);
    expect(await server.request('postmortem/documentInfo', { uri })).toEqual({ isPostmortem: true, templateName: 'default', templateSource: 'default', templateReason: 'the built-in default', configErrors: [], problemCount: 5 });
    expect(await server.request('postmortem/documentInfo', { uri: 'file:///nowhere/never-opened.md' })).toEqual({ isPostmortem: false, templateName: '', problemCount: 0 });
    expect(await server.request('postmortem/missingSections', { uri: 'file:///nowhere/never-opened.md' })).toEqual([]);
  });

  it('fixAll applies every safe fix through workspace/applyEdit, for the version it was given, and says what is left', async () => {
    const uri = uriOf(join(root, 'postmortems/webhooks.md'));
    const applied = server.appliedEdits.length;
    const result = await server.request('workspace/executeCommand', { command: 'postmortem.server.fixAll', arguments: [uri, 1] });
    // The tag typo; the two missing sections stay (inserting them is the author's pick), with the rest.
    expect(result).toEqual({ applied: true, fixed: 1, remaining: 4 });
    const edit = server.appliedEdits[applied];
    expect((edit.documentChanges![0] as TextDocumentEdit).textDocument).toEqual({ uri, version: 1 });
    expect(applyWorkspaceEdit(FAILING, uri, edit, 1)).toBe(FAILING.replace('**Improvment:**', '**Improvement:**'));
    // A version the document is no longer at is refused, not guessed at.
    await expect(server.request('workspace/executeCommand', { command: 'postmortem.server.fixAll', arguments: [uri, 7] })).rejects.toMatchObject({ code: -32801 });
  });

  it('insertSection inserts a missing section where the template puts it', async () => {
    const uri = uriOf(join(root, 'postmortems/webhooks.md'));
    const applied = server.appliedEdits.length;
    const inserted = await server.request('workspace/executeCommand', { command: 'postmortem.server.insertSection', arguments: [uri, 1, 'Conclusion'] });
    expect(inserted.applied).toBe(true);
    const after = applyWorkspaceEdit(FAILING, uri, server.appliedEdits[applied], 1);
    expect(after).toBe(FAILING + CONCLUSION);
    // The cursor goes to the new section's placeholder, in the edited text.
    const lines = after.split('\n');
    const { start, end } = inserted.selection;
    expect(lines[start.line - 2]).toBe('## Conclusion');
    expect(lines[start.line].slice(start.character, end.character)).toBe(CONCLUSION.trim().split('\n').at(-1));
    await expect(server.request('workspace/executeCommand', { command: 'postmortem.server.insertSection', arguments: [uri, 1, 'Appendix'] })).rejects.toMatchObject({
      code: -32602,
      message: 'Insert section: the default template has no section “Appendix”. Missing sections: Resolution, Conclusion.',
    });
  });

  it('lintWorkspace checks every postmortem in the folders, open or not, skipping node_modules', async () => {
    const since = server.mark();
    expect(await server.request('workspace/executeCommand', { command: 'postmortem.server.lintWorkspace', arguments: [] })).toBe(2);
    const published = server.diagnostics.slice(since);
    const search = published.find((p) => p.uri === uriOf(join(root, 'incidents/2024/search.md')));
    expect(search?.diagnostics).toEqual([]);
    expect(published.some((p) => p.uri.includes('node_modules') || p.uri.endsWith('readme.md'))).toBe(false);
    // The open document keeps the diagnostics of its own (open) version.
    expect(published.some((p) => p.uri.endsWith('webhooks.md'))).toBe(false);

    write('incidents/2024/search.md', CLEAN.replace('- **TODO:** Add', '- Add'));
    const again = server.mark();
    expect(await server.request('workspace/executeCommand', { command: 'postmortem.server.lintWorkspace', arguments: [] })).toBe(2);
    const updated = await server.nextDiagnostics(uriOf(join(root, 'incidents/2024/search.md')), again);
    expect(updated.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['action-item-untagged', 29]]);
  });

  it('newPostmortem writes a document from a built-in template or the one configured for the URI', async () => {
    const { text } = await server.request('postmortem/newPostmortem', { templateName: 'default', title: 'Checkout errors', date: '2024-05-01' });
    expect(text.split('\n').slice(0, 9)).toEqual(['---', 'template: default', '---', '', '# Postmortem: Checkout errors', '', '**Duration:** 2024-05-01 HH:MM - HH:MM (UTC)', '', '## Impact']);
    const configured = await server.request('postmortem/newPostmortem', { title: 'Disk full', date: '2024-05-02', uri: uriOf(join(root, 'team/2024-05-02-disk-full.md')) });
    const googleSre = await server.request('postmortem/newPostmortem', { templateName: 'google-sre', title: 'Disk full', date: '2024-05-02' });
    expect(configured.text).toBe(googleSre.text);
    expect(configured.text).not.toBe(text);
    expect(configured.text).toMatch(/^---\ntemplate: google-sre\n---\n/);
    await expect(server.request('postmortem/newPostmortem', { templateName: 'nope', date: '2024-05-02' })).rejects.toMatchObject({ code: -32602 });
    await expect(server.request('postmortem/newPostmortem', { date: 'May 2nd' })).rejects.toMatchObject({ code: -32602, message: 'New postmortem: "date" must be YYYY-MM-DD.' });
  });

  it('a file New Postmortem made from another template is checked against that template, with only its placeholders flagged', async () => {
    // postmortems/ has no config: the workspace's template is default, the author picks google-sre.
    const uri = uriOf(join(root, 'postmortems/2024-05-03-queue-backlog.md'));
    const { text } = await server.request('postmortem/newPostmortem', { templateName: 'google-sre', title: 'Queue backlog', date: '2024-05-03', uri });
    const since = server.mark();
    server.open(uri, text);
    const published = await server.nextDiagnostics(uri, since);
    expect(published.diagnostics.length).toBeGreaterThan(0);
    // Empty sections, and the fields under the title still to fill in.
    expect(new Set(published.diagnostics.map((d) => d.code))).toEqual(new Set(['empty-section', 'placeholder-text']));
    expect(await server.request('postmortem/documentInfo', { uri })).toMatchObject({ templateName: 'google-sre', templateSource: 'document', configErrors: [] });
    server.close(uri);
  });

  it('documentInfo says when the config that applies is broken and a fallback template is in use', async () => {
    // Open but never saved: a file on disk would change what Lint Workspace counts, in whatever order the tests run.
    const uri = uriOf(join(root, 'broken/postmortems/x.md'));
    write('broken/.postmortemrc.json', '{ "template": "google-sre", "rules": { "timeline-order": "loud" } }\n');
    server.open(uri, CLEAN);
    const info = await server.request('postmortem/documentInfo', { uri });
    expect(info).toMatchObject({ templateName: 'default', templateSource: 'default' });
    expect(info.configErrors).toHaveLength(1);
    expect(info.configErrors[0]).toMatch(/^Severity must be one of/);
    server.close(uri);
    // Shuffled: lintWorkspace counts the postmortems on disk, whichever test runs first.
    rmSync(join(root, 'broken'), { recursive: true, force: true });
  });
});
