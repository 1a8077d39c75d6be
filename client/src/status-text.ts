// What the status bar says for a postmortem. No vscode import, so it is unit-tested directly
// (test/client/status-text.test.ts).
import type { DocumentInfo } from '../../server/src/lsp/protocol.js';
import { isBuiltinTemplate } from './builtin-templates.js';

/** Focuses the Problems panel; `workbench.actions.view.problems` would close it when already open. */
export const FOCUS_PROBLEMS = 'workbench.panel.markers.view.focus';

export interface StatusText {
  text: string;
  tooltip: string;
  warning: boolean;
}

const SOURCE: Record<NonNullable<DocumentInfo['templateSource']>, string> = {
  document: 'named in this file’s front matter',
  override: 'from an override in .postmortemrc.json',
  settings: 'from the postmortem.template setting',
  file: 'from .postmortemrc.json',
  default: 'the built-in default',
};

export function statusText(info: DocumentInfo, problemCount: number): StatusText {
  const problems = `${problemCount} ${problemCount === 1 ? 'problem' : 'problems'}`;
  const errors = info.configErrors ?? [];
  if (errors.length > 0) {
    // A broken config falls back to another template: counting against it as if all were well misleads.
    const fallback = isBuiltinTemplate(info.templateName) ? `built-in ${info.templateName}` : info.templateName;
    return {
      text: `$(warning) Postmortem config broken · ${fallback} in use · ${problems}`,
      tooltip: `The postmortem config has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}:\n${errors.map((e) => `• ${e}`).join('\n')}\nChecking against the ${isBuiltinTemplate(info.templateName) ? 'built-in ' : ''}“${info.templateName}” template until it is fixed. Click to show the Problems panel.`,
      warning: true,
    };
  }
  const source = info.templateReason ? ` (${info.templateReason})` : info.templateSource ? ` (${SOURCE[info.templateSource]})` : '';
  return {
    text: `$(checklist) ${info.templateName} · ${problems}`,
    tooltip: `Postmortem template “${info.templateName}”${source}. Click to show the Problems panel.`,
    warning: false,
  };
}
