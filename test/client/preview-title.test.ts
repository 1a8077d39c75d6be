import { describe, expect, it } from 'vitest';
import { previewTitle } from '../../client/src/preview/title.js';

describe('preview tab title', () => {
  it('is "Postmortem: <file>", not VS Code\'s "Preview <file>"', () => {
    expect(previewTitle('/work/postmortems/2024-05-01-cache.md')).toBe('Postmortem: 2024-05-01-cache.md');
    expect(previewTitle('Untitled-1')).toBe('Postmortem: Untitled-1');
  });
});
