// The web server's URI ↔ path mapping: every workspace scheme gets a path that keeps its scheme
// and authority, so config lookup and globs work, and the URI comes back exactly as VS Code wrote it.
import { describe, expect, it } from 'vitest';
import { URI } from 'vscode-uri';
import { WEB_URIS } from '../../server/src/browser/uri-paths.js';

describe('WEB_URIS', () => {
  it.each([
    ['vscode-vfs://github/acme/ops/postmortems/2024-05-login.md', '/vscode-vfs:github/acme/ops/postmortems/2024-05-login.md'],
    ['vscode-test-web://mount/ws/.postmortemrc.json', '/vscode-test-web:mount/ws/.postmortemrc.json'],
    ['vscode-remote://127.0.0.1:8080/tmp/ws/a%20b.md', '/vscode-remote:127.0.0.1%3A8080/tmp/ws/a b.md'],
    ['file:///home/me/ws/x.md', '/file:/home/me/ws/x.md'],
  ])('maps %s to %s and back', (uri, path) => {
    expect(WEB_URIS.toPath(uri)).toBe(path);
    expect(WEB_URIS.toUri(path)).toBe(URI.parse(uri).toString());
  });

  it('keeps files of different roots apart', () => {
    const a = WEB_URIS.toPath('vscode-vfs://github/acme/ops/x.md')!;
    const b = WEB_URIS.toPath('vscode-vfs://azurerepos/acme/ops/x.md')!;
    expect(a).not.toBe(b);
    expect(a.split('/')[1]).not.toBe(b.split('/')[1]);
  });

  it('gives documents that are not files no path', () => {
    expect(WEB_URIS.toPath('untitled:Untitled-1')).toBeUndefined();
    expect(WEB_URIS.toPath('git:/home/me/ws/x.md?{"ref":"HEAD"}')).toBeUndefined();
    expect(WEB_URIS.toPath('not a uri at all')).toBeUndefined();
  });

  it('maps a workspace root folder (no path) to its root segment', () => {
    expect(WEB_URIS.toPath('vscode-vfs://github/')).toBe('/vscode-vfs:github');
    expect(WEB_URIS.toUri('/vscode-vfs:github')).toBe('vscode-vfs://github/');
  });
});
