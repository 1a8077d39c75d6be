// workspace/executeCommand: one handler dispatching to the commands features registered
// (service.addCommand), so each stays in its own file and all are advertised at initialize.
import { LSPErrorCodes, ResponseError, type Connection, type ExecuteCommandParams } from 'vscode-languageserver';
import { engine } from './engine.js';
import { versionedEdit } from './edits.js';
import { planFixAll } from './fix-all.js';
import { guardRequest, ParamsError } from './guard.js';
import { SERVER_COMMANDS, type FixAllResult, type InsertSectionResult } from './protocol.js';
import type { PostmortemService } from './service.js';
import { lintWorkspace } from './lint-workspace.js';
import { insertedSelection } from './inserted-selection.js';

export function registerCommandSupport(connection: Connection, service: PostmortemService): void {
  service.addCommand(SERVER_COMMANDS.fixAll, (args) => fixAll(connection, service, args));
  service.addCommand(SERVER_COMMANDS.insertSection, (args) => insertSection(connection, service, args));
  service.addCommand(SERVER_COMMANDS.lintWorkspace, () => lintWorkspace(connection, service));

  connection.onExecuteCommand(guardRequest(connection, 'Command', async (params: ExecuteCommandParams) => {
    const name = params?.command;
    const run = typeof name === 'string' ? service.command(name) : undefined;
    if (!run) throw new ParamsError(`Unknown command ${String(name)}.`);
    return run(Array.isArray(params.arguments) ? params.arguments : []);
  }));
}

/** The open postmortem the arguments [uri, version, …] name, at exactly that version. */
function documentFromArgs(service: PostmortemService, args: unknown[], what: string) {
  const [uri, version] = args;
  if (typeof uri !== 'string' || typeof version !== 'number') throw new ParamsError(`${what} needs the arguments [uri, version].`);
  const live = service.documents.get(uri);
  if (!live) throw new ParamsError(`${what}: ${uri} is not open in the editor. Open it and try again.`);
  if (live.version !== version) {
    throw new ResponseError(LSPErrorCodes.ContentModified, `${what}: the postmortem changed while the command was starting. Run it again.`);
  }
  return live;
}

async function fixAll(connection: Connection, service: PostmortemService, args: unknown[]): Promise<FixAllResult> {
  const live = documentFromArgs(service, args, 'Fix all');
  const plan = await planFixAll(service, live);
  if (!plan) throw new ParamsError('Fix all: this Markdown file is not treated as a postmortem (see the postmortem.files setting).');
  // The client tells the user; a message from here too would say it twice.
  if (!plan.edit) return { applied: false, fixed: 0 };
  const edit = versionedEdit(plan.document, [plan.edit], service.workspace.supportsDocumentChanges);
  const result = await connection.workspace.applyEdit({ label: 'Fix all postmortem problems', edit });
  return { applied: result.applied, fixed: plan.fixed, remaining: plan.left };
}

async function insertSection(connection: Connection, service: PostmortemService, args: unknown[]): Promise<InsertSectionResult> {
  const live = documentFromArgs(service, args, 'Insert section');
  const title = args[2];
  if (typeof title !== 'string' || title.trim() === '') throw new ParamsError('Insert section needs the arguments [uri, version, sectionTitle].');
  const entry = await service.analysisOf(live);
  const postmortem = entry && (await service.modelOf(entry));
  if (!entry || !postmortem) throw new ParamsError('Insert section: this file is not checked as a postmortem (or is too large to check).');
  const e = engine();
  const section = e.findTemplateEntry(entry.analysis.template, title);
  if (!section) {
    const names = e.missingSections(postmortem, entry.analysis.template).map((s) => s.section.title).join(', ');
    throw new ParamsError(`Insert section: the ${entry.templateName} template has no section “${title}”.${names ? ` Missing sections: ${names}.` : ''}`);
  }
  if (e.hasSection(postmortem, section)) {
    connection.window.showInformationMessage(`This postmortem already has a “${section.section.title}” section.`);
    return { applied: false };
  }
  const fix = e.insertSectionFix(postmortem, section);
  const result = await connection.workspace.applyEdit({ label: fix.title, edit: versionedEdit(entry.document, fix.edits, service.workspace.supportsDocumentChanges) });
  return { applied: result.applied, selection: result.applied ? insertedSelection(entry.document, fix.edits) : undefined };
}
