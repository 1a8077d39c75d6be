import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, FIXTURES, LspTestClient, openFresh, uriOf } from './harness.js';

const FIXTURE = join(FIXTURES, 'postmortems/webhooks.md');
const TEXT = readFileSync(FIXTURE, 'utf8');
const RESOLUTION = '### Resolution\n\n<!-- What stopped the impact, and what restored normal service? -->\n\n';
const CONCLUSION = '\n## Conclusion\n\n<!-- Where things stand now and what happens next, in a few sentences. -->\n';
const withResolution = (text: string) => text.replace('## Corrective and', `${RESOLUTION}## Corrective and`);
const appendToLine = (text: string, line: string, comment: string) => text.replace(line, `${line} ${comment}`);

// Shuffled: each test sets up what it needs, whatever ran before it.
describe.shuffle('code actions', () => {
  let server: LspTestClient;
  const uri = uriOf(FIXTURE);
  let diagnostics: Diagnostic[];

  beforeAll(async () => {
    server = await LspTestClient.start({ folders: [FIXTURES] });
    server.open(uri, TEXT);
    diagnostics = (await server.nextDiagnostics(uri)).diagnostics;
  });
  afterAll(() => server?.stop());

  const quickFixes = (diagnostic: Diagnostic, target = uri): Promise<CodeAction[]> =>
    server.request('textDocument/codeAction', { textDocument: { uri: target }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });

  it('offers each engine fix and a disable comment, versioned, and each gives the expected text', async () => {
    const results: Record<string, { text: string; preferred: boolean }> = {};
    for (const diagnostic of diagnostics) {
      for (const action of await quickFixes(diagnostic)) {
        expect(action.kind).toBe('quickfix');
        expect(action.diagnostics).toEqual([diagnostic]);
        const change = action.edit!.documentChanges![0] as TextDocumentEdit;
        expect(change.textDocument).toEqual({ uri, version: 1 });
        results[`${diagnostic.code}: ${action.title}`] = { text: applyWorkspaceEdit(TEXT, uri, action.edit!, 1), preferred: action.isPreferred === true };
      }
    }
    const title = '# Postmortem: Payment Webhooks Rejected After Certificate Rotation';
    const untagged = '- Alert on handshake failures per partner.';
    const unknown = '- **Improvment:** Add a canary partner endpoint to the rotation runbook.';
    const order = '- **03:50 PM:** Rotation job identified as the trigger.';
    expect(results).toEqual({
      'missing-section: Add section “Resolution”': { text: withResolution(TEXT), preferred: true },
      'missing-section: Add section “Conclusion”': { text: TEXT + CONCLUSION, preferred: true },
      'missing-section: Disable missing-section for this line': { text: appendToLine(TEXT, title, '<!-- postmortem-disable-line missing-section -->'), preferred: false },
      // 03:50 goes back above 04:05, the whole line moved.
      'timeline-order: Move this entry into time order': { text: TEXT.replace(`${order}\n`, '').replace('- **04:05 PM:**', `${order}\n- **04:05 PM:**`), preferred: true },
      'timeline-order: Disable timeline-order for this line': { text: appendToLine(TEXT, order, '<!-- postmortem-disable-line timeline-order -->'), preferred: false },
      'action-item-untagged: Tag as Fix': { text: TEXT.replace(untagged, '- **Fix:** Alert on handshake failures per partner.'), preferred: false },
      'action-item-untagged: Tag as Improvement': { text: TEXT.replace(untagged, '- **Improvement:** Alert on handshake failures per partner.'), preferred: false },
      'action-item-untagged: Tag as TODO': { text: TEXT.replace(untagged, '- **TODO:** Alert on handshake failures per partner.'), preferred: false },
      'action-item-untagged: Disable action-item-untagged for this line': { text: appendToLine(TEXT, untagged, '<!-- postmortem-disable-line action-item-untagged -->'), preferred: false },
      'action-item-unknown-tag: Change to Improvement': { text: TEXT.replace('**Improvment:**', '**Improvement:**'), preferred: true },
      'action-item-unknown-tag: Disable action-item-unknown-tag for this line': { text: appendToLine(TEXT, unknown, '<!-- postmortem-disable-line action-item-unknown-tag -->'), preferred: false },
    });
  });

  it('a fix that adds a section carries the command that puts the cursor on its placeholder; others carry none', async () => {
    const missing = diagnostics.find((d) => d.code === 'missing-section')!;
    const actions = await quickFixes(missing);
    const add = actions.find((a) => a.title === 'Add section “Resolution”')!;
    expect(add.command?.command).toBe('postmortem.revealSelection');
    const [target, range] = add.command!.arguments as [string, { start: { line: number; character: number }; end: { line: number; character: number } }];
    expect(target).toBe(uri);
    // The range is in the edited text: it covers exactly the new section's placeholder.
    const lines = applyWorkspaceEdit(TEXT, uri, add.edit!, 1).split('\n');
    expect(range.start.line).toBe(range.end.line);
    expect(lines[range.start.line - 2]).toBe('### Resolution');
    expect(lines[range.start.line].slice(range.start.character, range.end.character)).toBe('<!-- What stopped the impact, and what restored normal service? -->');
    expect(actions.find((a) => a.title.startsWith('Disable'))!.command).toBeUndefined();
    const unknown = diagnostics.find((d) => d.code === 'action-item-unknown-tag')!;
    expect((await quickFixes(unknown)).every((a) => a.command === undefined)).toBe(true);
  });

  it('the disable comment silences that rule on that line', async () => {
    // A document of its own: the others read the shared one at version 1.
    const own = await openFresh(server, 'disable-comment', TEXT);
    const ownDiagnostics = own.published.diagnostics;
    const order = ownDiagnostics.find((d) => d.code === 'timeline-order')!;
    const [disable] = (await quickFixes(order, own.uri)).filter((a) => a.title.startsWith('Disable'));
    const since = server.mark();
    const version = server.change(own.uri, applyWorkspaceEdit(TEXT, own.uri, disable.edit!, 1));
    const published = await server.nextDiagnostics(own.uri, since, (p) => p.version === version);
    expect(published.diagnostics.map((d) => d.code)).toEqual(['missing-section', 'missing-section', 'action-item-untagged', 'action-item-unknown-tag']);
    // The diagnostics of version 1 are stale now: no fixes are computed for them.
    expect(await quickFixes(order, own.uri)).toEqual([]);
    expect(await quickFixes(ownDiagnostics[0], own.uri)).toEqual([]);
  });

  it('fix-all (as on save) is one minimal, versioned edit applying every safe fix, and adds no section', async () => {
    const version = server.texts.get(uri)!.version;
    const actions: CodeAction[] = await server.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(actions.map((a) => [a.title, a.kind])).toEqual([['Fix all postmortem problems', 'source.fixAll.postmortem']]);
    const change = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
    expect(change.textDocument.version).toBe(version);
    expect(change.edits).toHaveLength(1);
    // Only the changed spot (inside the misspelt tag), not the whole document.
    const line = TEXT.split('\n').findIndex((l) => l.includes('**Improvment:**'));
    expect(change.edits[0].range.start).toEqual({ line, character: '- **Improv'.length });
    // The missing Resolution and Conclusion are the author's to add (quick fix), not Fix All's.
    expect(applyWorkspaceEdit(TEXT, uri, actions[0].edit!, version)).toBe(TEXT.replace('**Improvment:**', '**Improvement:**'));
  });

  it('in the lightbulb, fix-all is offered cheaply (with two safe fixes) and its edit computed on resolve', async () => {
    const twoTypos = uriOf(join(FIXTURES, 'postmortems/two-typos.md'));
    const text = TEXT.replace('**Fix:** Validate', '**Fxi:** Validate');
    server.open(twoTypos, text);
    const [first] = (await server.nextDiagnostics(twoTypos)).diagnostics.filter((d) => d.code === 'action-item-unknown-tag');
    const actions: CodeAction[] = await server.request('textDocument/codeAction', { textDocument: { uri: twoTypos }, range: first.range, context: { diagnostics: [first] } });
    const fixAll = actions.find((a) => a.kind === 'source.fixAll.postmortem')!;
    expect(fixAll.edit).toBeUndefined();
    const resolved: CodeAction = await server.request('codeAction/resolve', fixAll);
    expect(applyWorkspaceEdit(text, twoTypos, resolved.edit!, 1)).toBe(TEXT.replace('**Improvment:**', '**Improvement:**'));
    server.close(twoTypos);
  });

  it('a postmortem with nothing to fix gets no fix-all edit', async () => {
    const clean = uriOf(join(FIXTURES, 'postmortems/clean.md'));
    const text = readFileSync(join(FIXTURES, 'postmortems/clean.md'), 'utf8');
    server.open(clean, text);
    expect((await server.nextDiagnostics(clean)).diagnostics).toEqual([]);
    const actions = await server.request('textDocument/codeAction', { textDocument: { uri: clean }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.postmortem'] } });
    expect(actions).toEqual([]);
  });
});
