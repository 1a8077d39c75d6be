// Server → client requests the web server reads files with (it has no file system of its own),
// like VS Code's Markdown server's markdown/fs/*. No imports: the client imports it too.

/** FsUriParams → FsStat, or null when nothing is there. */
export const FS_STAT_REQUEST = 'postmortem/fs/stat';
/** FsReadFileParams → FsReadFileResult, or null when nothing is there. */
export const FS_READ_FILE_REQUEST = 'postmortem/fs/readFile';
/** FsFindFilesParams → URIs of the folder's Markdown files. */
export const FS_FIND_FILES_REQUEST = 'postmortem/fs/findFiles';

export interface FsUriParams {
  uri: string;
}

export interface FsStat {
  type: 'file' | 'directory' | 'other';
  /** A symbolic link (to `type`): the web cannot tell where it leads, so templates refuse it. */
  symbolicLink: boolean;
  size: number;
}

export interface FsReadFileParams {
  uri: string;
  /** A bigger file is not read: the answer is { tooLarge: true }. */
  maxBytes: number;
}

export type FsReadFileResult = { text: string } | { tooLarge: true };

export interface FsFindFilesParams {
  /** The workspace folder to search. */
  folderUri: string;
}

/** The client never reads more than this for the server, whatever it asks. */
export const FS_MAX_READ_BYTES = 8 * 1024 * 1024;
