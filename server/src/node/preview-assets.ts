// The preview stylesheet, read from media/ for the CLI's standalone page (the webview loads it by URI).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** media/preview.css above this module: server/src/node in the source, dist/ in the bundle. */
export function readPreviewCss(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from, i = 0; i < 6; i++, dir = dirname(dir)) {
    const candidate = join(dir, 'media', 'preview.css');
    if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
  }
  // Still a readable page, just unstyled.
  return '';
}
