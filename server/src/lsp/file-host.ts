// Every file the language server reads goes through this: Node's fs on desktop
// (node/file-host.ts), the client's workspace.fs on the web (browser/file-host.ts). Paths are
// the ones uriToPath gives; both sides refuse the same things (outside the workspace, too big).

export interface ConfigFileText {
  /** Its text; undefined when it could not be read (then `error` says why). */
  text?: string;
  error?: string;
}

export type FileText =
  | { text: string }
  /** Bigger than the cap asked for: not read at all. */
  | { tooLarge: true }
  | { error: string };

export interface FileHost {
  /** The nearest .postmortemrc.json at or above `startDir`, not above `stopDir`. */
  findConfigFile(startDir: string, stopDir: string): Promise<string | undefined>;
  readConfigText(path: string): Promise<ConfigFileText>;
  /**
   * A template file a config names (`path`, relative to `configDir`, or to `rootDir` for one from
   * the settings). Undefined when there is none; throws with the reason when it must not be read:
   * absolute, outside `rootDir` (also through a link), larger than 1 MB.
   */
  readTemplate(path: string, origin: 'file' | 'settings', configDir: string, rootDir: string): Promise<string | undefined>;
  /** Every Markdown file under a workspace folder (not in node_modules or .git), as paths. */
  listMarkdownFiles(folderPath: string, folderUri: string): Promise<string[]>;
  /** A file's text; undefined when it does not exist. */
  readFile(path: string, maxBytes: number): Promise<FileText | undefined>;
  /** Config and template files may have changed: drop anything remembered. */
  forget?(): void;
}

/** Template files above this are refused, on every host. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;
