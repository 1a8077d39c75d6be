// Custom requests: postmortem/missingSections, postmortem/documentInfo, postmortem/newPostmortem
// and postmortem/engineLoaded (see protocol.ts for payloads).
import type { Connection } from 'vscode-languageserver';
import type { Template } from '../engine-entry.js';
import { engine, isEngineLoaded } from './engine.js';
import { guardRequest, ParamsError, requireUri } from './guard.js';
import {
  DOCUMENT_INFO_REQUEST,
  ENGINE_LOADED_REQUEST,
  MISSING_SECTIONS_REQUEST,
  NEW_POSTMORTEM_REQUEST,
  type DocumentInfo,
  type EngineLoadedResult,
  type MissingSection,
  type NewPostmortemParams,
  type NewPostmortemResult,
} from './protocol.js';
import type { PostmortemService } from './service.js';
import { pathToUri, uriToPath } from './workspace.js';

export function registerRequestSupport(connection: Connection, service: PostmortemService): void {
  connection.onRequest(MISSING_SECTIONS_REQUEST, guardRequest(connection, MISSING_SECTIONS_REQUEST, async (params: unknown): Promise<MissingSection[]> => {
    const live = service.documents.get(requireUri(params));
    const entry = live && (await service.answerFrom(live));
    const postmortem = entry && (await service.modelOf(entry));
    if (!entry || !postmortem) return [];
    const e = engine();
    return e.missingSections(postmortem, entry.analysis.template).map((s) => ({ title: s.section.title, level: s.level, placement: e.placementOf(postmortem, s) }));
  }));

  connection.onRequest(DOCUMENT_INFO_REQUEST, guardRequest(connection, DOCUMENT_INFO_REQUEST, async (params: unknown): Promise<DocumentInfo> => {
    const live = service.documents.get(requireUri(params));
    const entry = live && (await service.answerFrom(live));
    if (!live || !entry) return { isPostmortem: false, templateName: '', problemCount: 0 };
    const info: DocumentInfo = {
      isPostmortem: true,
      templateName: entry.templateName,
      templateSource: entry.templateSource,
      templateReason: entry.templateReason,
      configErrors: entry.configErrors,
      problemCount: entry.analysis.problems.length,
    };
    const { config } = await service.stateOf(live.uri, live.getText(), live.languageId);
    if (config?.configPath) info.configUri = pathToUri(config.configPath);
    return info;
  }));

  connection.onRequest(NEW_POSTMORTEM_REQUEST, guardRequest(connection, NEW_POSTMORTEM_REQUEST, async (raw: unknown): Promise<NewPostmortemResult> => {
    const params = (raw ?? {}) as Partial<NewPostmortemParams>;
    if (typeof params.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(params.date)) throw new ParamsError('New postmortem: "date" must be YYYY-MM-DD.');
    if (params.title !== undefined && typeof params.title !== 'string') throw new ParamsError('New postmortem: "title" must be a string.');
    const { template, name } = await templateFor(service, params);
    const title = params.title?.trim() || undefined;
    // A built-in name goes into the front matter, so the file is checked against the template it
    // came from whatever the workspace configures. A template file stays the config's choice.
    const templateName = engine().getBuiltinTemplate(name) ? name : undefined;
    return { text: engine().postmortemSkeleton(template, { title, date: params.date, templateName }) };
  }));

  connection.onRequest(ENGINE_LOADED_REQUEST, (): EngineLoadedResult => ({ loaded: isEngineLoaded() }));
}

/** A named built-in, else the template configured for `uri`, else the default; with its name. */
async function templateFor(service: PostmortemService, params: Partial<NewPostmortemParams>): Promise<{ template: Template; name: string }> {
  const e = engine();
  const name = typeof params.templateName === 'string' && params.templateName.trim() !== '' ? params.templateName.trim() : undefined;
  const builtin = name === undefined ? undefined : e.getBuiltinTemplate(name);
  if (builtin && name !== undefined) return { template: builtin, name };
  if (typeof params.uri === 'string' && params.uri !== '') {
    const config = (await service.configs.forPath(uriToPath(params.uri), await service.settings.get(params.uri))).resolved;
    if (name === undefined || name === config.templateName) return { template: config.template, name: config.templateName };
  }
  if (name !== undefined) {
    throw new ParamsError(`New postmortem: unknown template "${name}". Built-in templates: ${Object.keys(e.BUILTIN_TEMPLATES).join(', ')}.`);
  }
  return { template: e.getBuiltinTemplate(e.DEFAULT_TEMPLATE_NAME)!, name: e.DEFAULT_TEMPLATE_NAME };
}
