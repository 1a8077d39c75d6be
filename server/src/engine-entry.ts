// The engine bundle (dist/engine.cjs): the engine's public surface (core/index.ts) and the preview
// renderer, everything that parses Markdown or JSON. The language server loads it on first use
// (lsp/engine.ts) so that answering `initialize` stays fast.
export * from './core/index.js';
export { renderPreviewBody } from './preview/index.js';
export { applyEdits } from './core/fixes/apply.js';
