// blameless-language: the template's phrases as whole words (any case, any run of spaces, `*` for
// one word, either apostrophe), each with its own suggestion, and the text it leaves alone: front
// matter, code, quotations on the line, and HTML comments.
import { describe, expect, it } from 'vitest';
import { analyze, getBuiltinTemplate, mergeTemplate, type Template } from '../../server/src/core/index.js';

const DEFAULT = getBuiltinTemplate('default')!;
const withPhrases = (blameless: Template['blameless']): Template => ({ ...mergeTemplate(DEFAULT, {}), blameless });
const lint = (body: string, template: Template = DEFAULT, head = '') => {
  const text = `${head}# Postmortem: x\n\n**Duration:** 2024-01-02 10:00 - 11:00 UTC\n\n## Impact\n\n${body}\n`;
  return analyze(text, { template }).problems.filter((p) => p.rule === 'blameless-language').map((p) => [text.slice(p.range.start, p.range.end), p.message]);
};
const at = (body: string, template?: Template, head?: string) => lint(body, template, head).map(([t]) => t);

describe('blameless-language: what matches', () => {
  const template = withPhrases([
    { phrase: 'dropped the *', suggestion: 'Say what was missed.' },
    { phrase: "didn't check", suggestion: 'Say what the check would have needed.' },
    { phrase: 'root (cause)', suggestion: 'Literal.' },
  ]);
  it('gives each phrase its own suggestion, quoting the text as written', () => {
    expect(lint('Kim dropped the ball. Lee didn’t check.', template)).toEqual([
      ['dropped the ball', '“dropped the ball”: Say what was missed.'],
      ['didn’t check', '“didn’t check”: Say what the check would have needed.'],
    ]);
  });
  it('matches either apostrophe, any case and any run of spaces, and the words literally', () => {
    expect(at("DROPPED  THE\tj.doe, didn't check, root (cause), root cause, rootxcause.", template)).toEqual(['DROPPED  THE\tj.doe', "didn't check", 'root (cause)']);
  });
  it('matches whole words only, and `*` stands for one word', () => {
    expect(at('undropped the ball; dropped the-ball; dropped theball; dropped the ball_x; xdidn’t check; didn’t checked.', template)).toEqual(['dropped the ball_x']);
    expect(at('dropped the', template)).toEqual([]);
  });
  it('says nothing with no phrases', () => {
    expect(at('human error', withPhrases([]))).toEqual([]);
    expect(at('human error', { ...mergeTemplate(DEFAULT, {}), blameless: undefined })).toEqual([]);
  });
});

describe('blameless-language: what it leaves alone', () => {
  it('skips the front matter', () => {
    expect(at('ok', DEFAULT, '---\nsummary: human error\n---\n')).toEqual([]);
    expect(at('human error', DEFAULT, '---\nsummary: fine\n---\n')).toEqual(['human error']);
  });
  it('skips words inside straight or curly quotes on their line, not after them', () => {
    expect(at('He said "it was human error" then.')).toEqual([]);
    expect(at('He said “it was human error” then.')).toEqual([]);
    expect(at('He said "no" and "yes", a human error.')).toEqual(['human error']);
    expect(at('He said “no”, a human error.')).toEqual(['human error']);
    expect(at('An open ” then human error.')).toEqual(['human error']);
    expect(at('A "quote\n\nhuman error on a new line.')).toEqual(['human error']);
  });
  it('skips HTML comments, also inside a paragraph, but not text after one', () => {
    expect(at('Text <!-- human error --> more.')).toEqual([]);
    expect(at('- item <!-- human\n  error --> x')).toEqual([]);
    expect(at('Text <!-- note --> human error.')).toEqual(['human error']);
  });
});
