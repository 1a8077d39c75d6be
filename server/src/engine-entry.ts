// The engine bundle (dist/engine.cjs): everything that parses Markdown or JSON. The language
// server loads it on first use (lsp/engine.ts) so that answering `initialize` stays fast.
export { fixAll, isUnattended } from './core/fix-all.js';
export { analyze, FILE_TOO_LARGE, INTERNAL_ERROR, EMPTY_FILE } from './core/analyze.js';
export type { Analysis, AnalyzeOptions } from './core/analyze.js';
export { ParseCache } from './core/parse/markdown.js';
export { resolveConfig, frontMatterTemplate } from './core/config/load-config.js';
export type { ConfigHost, ConfigProblem, ResolvedConfig } from './core/config/load-config.js';
export { BUILTIN_TEMPLATES, DEFAULT_TEMPLATE_NAME, getBuiltinTemplate } from './core/config/builtin-templates.js';
export { RULES_BY_NAME } from './core/rules/index.js';
export { ruleDocsUrl } from './core/docs-url.js';
export { postmortemSkeleton } from './core/skeleton.js';
export { insertSectionFix } from './core/fixes/insert-section.js';
export * from './core/assist/index.js';
export { renderPreviewBody } from './preview/index.js';
export { applyEdits } from './core/fixes/apply.js';
