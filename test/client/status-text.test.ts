import { describe, expect, it } from 'vitest';
import { statusText } from '../../client/src/status-text.js';

describe('status bar text', () => {
  it('names the template, where it came from, and the count', () => {
    const status = statusText({ isPostmortem: true, templateName: 'google-sre', templateSource: 'document', configErrors: [], problemCount: 2 }, 1);
    expect(status).toMatchObject({ text: '$(checklist) google-sre · 1 problem', warning: false });
    expect(status.tooltip).toContain('front matter');
  });

  it('says the config is broken and which built-in template is in use instead, not "0 problems" as if fine', () => {
    const status = statusText({ isPostmortem: true, templateName: 'default', templateSource: 'default', configErrors: ['Severity must be one of error, warning, info, off'], problemCount: 0 }, 0);
    expect(status.warning).toBe(true);
    expect(status.text).toBe('$(warning) Postmortem config broken · built-in default in use · 0 problems');
    expect(status.tooltip).toContain('Severity must be one of');
    expect(status.tooltip).toContain('built-in “default”');
    // A fallback that is a template file is not called built-in.
    expect(statusText({ isPostmortem: true, templateName: 'team.json', configErrors: ['x'], problemCount: 0 }, 0).text).toContain('· team.json in use');
  });
});
