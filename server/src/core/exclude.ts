// Markdown files that sit among postmortems without being one: a folder's README or index and the
// blank template people copy. The same default for the editor (postmortem.exclude) and the CLI.
// Dependency-free: the language server uses it before the engine is loaded.
export const DEFAULT_EXCLUDE: readonly string[] = Object.freeze([
  '**/README.{md,markdown}',
  '**/index.{md,markdown}',
  '**/_index.{md,markdown}',
  '**/template.{md,markdown}',
  '**/*[-_.]template.{md,markdown}',
  '**/templates/**',
]);
