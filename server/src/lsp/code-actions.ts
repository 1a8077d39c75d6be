// Quick fixes (each engine fix, and "Disable <rule> for this line") and the source action
// "Fix all postmortem problems". Fixes come from the analysis the diagnostic was published
// from, never from a re-analysis of another version.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { Problem } from '../engine-entry.js';
import { engine } from './engine.js';
import { versionedEdit } from './edits.js';
import { planFixAll } from './fix-all.js';
import { guardRequest, requireTextDocumentUri } from './guard.js';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, REVEAL_SELECTION_COMMAND, type DiagnosticData } from './protocol.js';
import { insertedSelection } from './inserted-selection.js';
import type { DocumentAnalysis, PostmortemService } from './service.js';
import { toPosition, toRange } from './convert.js';

const FIX_ALL_TITLE = 'Fix all postmortem problems';

interface FixAllData {
  fixAll: true;
  uri: string;
  version: number;
}

/** Whether `only` asks for `kind`: the same kind or a parent of it ("source" holds "source.fixAll.postmortem"). */
const wants = (only: string[] | undefined, kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));

export function registerCodeActionSupport(connection: Connection, service: PostmortemService): void {
  service.addCapabilities({ codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true } });

  connection.onCodeAction(guardRequest(connection, 'Code actions', async (params: CodeActionParams) => {
    const uri = requireTextDocumentUri(params);
    const document = service.documents.get(uri);
    if (!document) return null;
    const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
    const actions: CodeAction[] = [];
    const documentChanges = service.workspace.supportsDocumentChanges;

    if (wants(only, CodeActionKind.QuickFix)) {
      const seen = new Set<string>();
      for (const diagnostic of Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : []) {
        if (diagnostic?.source !== DIAGNOSTIC_SOURCE) continue;
        const found = problemFor(service.lastAnalysis(uri), document.version, diagnostic);
        if (!found) continue;
        const { entry, problem } = found;
        for (const fix of problem.fixes) {
          const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred === true, edit: versionedEdit(entry.document, fix.edits, documentChanges) };
          // A fix that adds a section takes the cursor there (the client runs this after the edit).
          const selection = insertedSelection(entry.document, fix.edits);
          if (selection) action.command = { title: 'Go to the new section', command: REVEAL_SELECTION_COMMAND, arguments: [uri, selection] };
          actions.push(action);
        }
        if (!engine().RULES_BY_NAME.has(problem.rule)) continue;
        const edit = engine().disableLineEdit(entry.document.getText(), problem.range.start, problem.rule);
        const key = `${problem.rule}@${toPosition(entry.document, edit.start).line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        actions.push({ title: `Disable ${problem.rule} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: versionedEdit(entry.document, [edit], documentChanges) });
      }
    }

    if (wants(only, FIX_ALL_KIND)) {
      const properties = service.workspace.capabilities.textDocument?.codeAction?.resolveSupport?.properties;
      const lazy = !only && Array.isArray(properties) && properties.includes('edit');
      if (lazy) {
        // The lightbulb asks on every cursor move: offer it cheaply, compute the edit when picked.
        const entry = service.lastAnalysis(uri);
        const fixable = entry?.version === document.version ? entry.analysis.problems.filter((p) => p.fixes.some((fix) => engine().isUnattended(fix))).length : 0;
        if (fixable > 1) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data: { fixAll: true, uri, version: document.version } satisfies FixAllData });
      } else {
        const plan = await planFixAll(service, document);
        if (plan?.edit) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: versionedEdit(plan.document, [plan.edit], documentChanges) });
      }
    }
    return actions;
  }));

  connection.onCodeActionResolve(guardRequest(connection, 'Resolving a code action', async (action: CodeAction) => {
    const data = action?.data as Partial<FixAllData> | undefined;
    if (!data?.fixAll || typeof data.uri !== 'string') return action;
    const document = service.documentAt(data.uri, data.version);
    // Edited since: leave the action without an edit rather than fix a text the user no longer has.
    if (!document) return action;
    const plan = await planFixAll(service, document);
    if (plan?.edit) action.edit = versionedEdit(plan.document, [plan.edit], service.workspace.supportsDocumentChanges);
    return action;
  }));
}

/** The problem a diagnostic was published for, if that analysis is of the current version. */
function problemFor(entry: DocumentAnalysis | undefined, version: number, diagnostic: Diagnostic): { entry: DocumentAnalysis; problem: Problem } | undefined {
  if (!entry || entry.version !== version) return undefined;
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (typeof data?.analysis === 'number') {
    if (data.analysis !== entry.id || data.version !== entry.version || typeof data.index !== 'number') return undefined;
    const problem = entry.analysis.problems[data.index];
    return problem && problem.rule === diagnostic.code ? { entry, problem } : undefined;
  }
  // Clients that drop `data`: the same rule, message and range in the current analysis.
  const same = (a: Diagnostic['range'], b: Diagnostic['range']) =>
    a.start.line === b?.start?.line && a.start.character === b?.start?.character && a.end.line === b?.end?.line && a.end.character === b?.end?.character;
  const problem = entry.analysis.problems.find((p) => p.rule === diagnostic.code && p.message === diagnostic.message && same(toRange(entry.document, p.range), diagnostic.range));
  return problem ? { entry, problem } : undefined;
}
