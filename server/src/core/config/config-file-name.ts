// The config file's name, on its own: the language server's startup bundle needs it to watch and
// find config files, and must not pull in the config loader (ajv, jsonc-parser) to get it.
export const CONFIG_FILE_NAME = '.postmortemrc.json';
