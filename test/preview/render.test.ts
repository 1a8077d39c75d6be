import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, defaultTemplate } from '../../server/src/core/index.js';
import { contentSecurityPolicy, renderPreviewBody, renderPreviewHtml, renderStandaloneReport, type PageOptions } from '../../server/src/preview/index.js';
import { answerPreview, type PreviewSource } from '../../server/src/lsp/preview.js';
import { unified } from 'unified';
import rehypeRaw from 'rehype-raw';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/preview/${name}`, import.meta.url), 'utf8');
const OPTIONS: PageOptions = { nonce: 'bm9uY2Utbm9uY2Utbm9uY2U=', cspSource: 'https://webview.test', scriptUri: 'https://webview.test/preview.js', styleUri: 'https://webview.test/preview.css', allowRemoteImages: false };
const page = (text: string, options: Partial<PageOptions> = {}) => renderPreviewHtml(text, analyze(text), { ...OPTIONS, ...options });
/** The inner HTML of the first element with this class (no nesting of the same tag inside, which holds for our sections). */
const part = (html: string, tag: string, className: string) => new RegExp(`<${tag} class="${className}"[^>]*>([\\s\\S]*?)</${tag}>`).exec(html)?.[1] ?? '';
/** Parses HTML the way a browser does (parse5, through rehype-raw), to check what elements and attributes really exist. */
function elementsOf(html: string): Element[] {
  const tree = unified().use(rehypeRaw).runSync({ type: 'root', children: [{ type: 'raw', value: html }] } as Root);
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => void found.push(node));
  return found;
}
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');

describe('summary card', () => {
  const html = page(fixture('queue-backlog.md'));
  const summary = part(html, 'header', 'summary');
  const facts = Object.fromEntries([...summary.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)].map((m) => [m[1], text(m[2])]));

  it('shows title, severity, status, start, end and duration', () => {
    expect(summary).toContain('<h1 id="pm-summary">Postmortem: Payment Webhooks Delayed by Queue Backlog</h1>');
    expect(facts).toMatchObject({ Severity: 'SEV-1', Status: 'Resolved', Start: '2024-06-11 13:40 UTC', End: '2024-06-11 16:05 UTC', Duration: '2 h 25 min' });
  });

  it('shows time to detect, mitigate and resolve, each linked to its entry', () => {
    expect(facts).toMatchObject({ 'Time to detect': '12 min at 13:52', 'Time to mitigate': '51 min at 14:31', 'Time to resolve': '2 h 25 min at 16:05' });
    expect(summary).toMatch(/data-line="13" tabindex="0" data-metric="detect"/);
  });

  it('says where start and end came from when there is no Duration, and leaves out what is unknown', () => {
    const rough = part(page(fixture('rough-draft.md')), 'header', 'summary');
    expect(text(rough)).toContain('Start09:05 (from the timeline)');
    expect(rough).not.toContain('Status');
    expect(rough).not.toContain('Time to mitigate');
  });
});

describe('timeline', () => {
  it('lists entries in document order with offsets from the start and the gaps between them', () => {
    const timeline = part(page(fixture('queue-backlog.md')), 'ol', 'axis');
    const entries = [...timeline.matchAll(/<li class="entry" data-line="(\d+)"[^>]*>(.*?)<\/li>/g)];
    expect(entries.map((e) => Number(e[1]))).toEqual([12, 13, 14, 15, 16, 17]);
    expect(entries.map((e) => /<time class="time"[^>]*>(.*?)<\/time>/.exec(e[2])![1])).toEqual(['13:40', '13:52', '14:10', '14:31', '15:20', '16:05']);
    expect(entries.map((e) => text(/<span class="offset">(.*?)<\/span>/.exec(e[2])![1]))).toEqual(['T+0 min', 'T+12 min', 'T+30 min', 'T+51 min', 'T+1 h 40 min', 'T+2 h 25 min']);
    expect([...timeline.matchAll(/<span class="gap (gap-\w+)">(.*?)<\/span>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'gap-s 12 min later', 'gap-m 18 min later', 'gap-m 21 min later', 'gap-m 49 min later', 'gap-m 45 min later',
    ]);
  });

  it('marks a step backwards and an unreadable time as problems', () => {
    const timeline = part(page(fixture('rough-draft.md')), 'ol', 'axis');
    const problems = [...timeline.matchAll(/<li class="entry problem" data-line="(\d+)"[^>]*>(.*?)<\/li>/g)];
    expect(problems.map((p) => [Number(p[1]), text(/<strong class="flag">(.*?)<\/strong>/.exec(p[2])![1])])).toEqual([[8, 'goes backwards'], [9, 'time unreadable']]);
    expect(problems[1][2]).toContain('<span class="time">sometime later</span><span class="text">Customers told.</span>');
  });
});

describe('timeline order and days', () => {
  const axis = (text: string, analysis = analyze(text)) => part(renderPreviewHtml(text, analysis, OPTIONS), 'ol', 'axis');
  const rows = (html: string) => [...html.matchAll(/<li class="([^"]+)"[^>]*>(.*?)<\/li>/g)].map((m) => `${m[1]}: ${text(m[2])}`);

  it('follows a descending template: gaps count back, a step forward is the problem', () => {
    const template = { ...defaultTemplate(), timeline: { ...defaultTemplate().timeline, order: 'descending' as const } };
    const md = '# T\n\n## Timeline\n\n- **11:00:** Resolved.\n- **10:30:** Rolled back.\n- **10:45:** Odd.\n- **10:00:** Alert fires.\n';
    expect(rows(axis(md, analyze(md, { template })))).toEqual([
      'entry: T+1 h11:00Resolved.',
      'entry: 30 min earlierT+30 min10:30Rolled back.',
      'entry problem: T+45 min10:45Odd. goes backwards',
      'entry: 45 min earlierT+0 min10:00Alert fires.',
    ]);
  });

  it('shows date lines as day markers and measures across midnight', () => {
    const md = '# T\n\n## Timeline\n\n- **2024-06-11:**\n- **23:50:** Alert fires.\n- **2024-06-12:**\n- **00:20:** Rolled back.\n';
    expect(rows(axis(md))).toEqual(['day: 2024-06-11', 'entry: T+0 min23:50Alert fires.', 'day: 2024-06-12', 'entry: 30 min laterT+30 min00:20Rolled back.']);
  });
});

describe('action items', () => {
  const actions = part(page(fixture('queue-backlog.md')), 'section', 'actions');
  const tables = [...actions.matchAll(/<table class="([^"]+)"><caption>(.*?)<\/caption>.*?<tbody>(.*?)<\/tbody><\/table>/g)];
  const rows = (tbody: string) => [...tbody.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]));

  it('has one table per tag, in the template order, untagged last', () => {
    expect(tables.map((t) => text(t[2]))).toEqual(['Fix 1', 'Improvement 1', 'TODO 1', 'Untagged 1']);
    expect(actions).toContain('<th scope="col">Owner</th><th scope="col">Ticket</th><th scope="col">Due</th><th scope="col">Done</th>');
  });

  it('fills owner, ticket (a link when given) and due date', () => {
    const [fix, improvement, todo, untagged] = tables.map((t) => rows(t[3])[0]);
    expect(fix.slice(1)).toEqual(['@priya', 'WH-311', '2024-07-01', '<span aria-label="open">○</span>']);
    expect(improvement.slice(1)).toEqual(['@sam', '<a href="https://tickets.example.com/OPS-88">OPS-88</a>', 'June 20', '<span aria-label="done">✓</span>']);
    expect(improvement[0]).toContain('(<a href="https://tickets.example.com/OPS-88">OPS-88</a>)');
    expect(todo.slice(1, 4)).toEqual(['Lee Chen', '', '']);
    expect(text(untagged[0])).toBe('Share this review with the merchant support team.');
  });

  it('keeps an unknown tag visible', () => {
    expect(part(page(fixture('rough-draft.md')), 'section', 'actions')).toContain('<td><span class="badge problem">Fxi</span> Monitor certificate chain expiry.</td>');
  });
});

describe('problems', () => {
  it('lists each problem with its line, focusable in the webview and static in the shared page', () => {
    const html = page(fixture('rough-draft.md'));
    const items = [...part(html, 'section', 'problems').matchAll(/<li class="problem-item (\w+)" data-line="(\d+)" tabindex="0">(.*?)<\/li>/g)];
    expect(items).toHaveLength(8); // missing-field: the draft has no Duration yet
    expect(items.find((i) => i[3].includes('timeline-order'))?.slice(1, 3)).toEqual(['error', '8']);
    expect(text(items[5][3])).toContain('line 9 · timeline-order');
    const shared = page(fixture('rough-draft.md'), { standalone: true });
    expect(shared).not.toContain('tabindex');
    expect(shared).toMatch(/<li class="problem-item error" data-line="8">/);
  });

  it('says so when there are none', () => {
    const clean = fixture('queue-backlog.md').replace('- [ ] Share this review', '- [ ] **TODO:** Share this review');
    expect(part(page(clean), 'section', 'problems')).toContain('No problems found.');
  });
});

describe('document', () => {
  it('is rendered Markdown with the line of each block', () => {
    const doc = part(page(fixture('queue-backlog.md')), 'article', 'markdown');
    expect(doc).toContain('<h2 data-line="10">Timeline</h2>');
    expect(doc).toContain('<li class="task-list-item" data-line="31"><input type="checkbox" disabled>');
    expect(doc).toContain('<a href="https://tickets.example.com/OPS-88">OPS-88</a>');
  });

  it('sanitizes raw HTML: no script, handler, javascript: URL, frame, meta or style survives', () => {
    const html = page(fixture('xss.md'));
    const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)![1];
    const elements = elementsOf(main);
    const forbidden = ['script', 'iframe', 'object', 'embed', 'link', 'style', 'meta', 'base', 'form', 'video', 'audio', 'source', 'svg', 'math', 'template', 'noscript', 'img'];
    expect(elements.filter((e) => forbidden.includes(e.tagName)).map((e) => e.tagName)).toEqual([]);
    const attributes = elements.flatMap((e) => Object.entries(e.properties).map(([name, value]) => ({ tag: e.tagName, name, value: String(value) })));
    expect(attributes.filter((a) => /^on/i.test(a.name) || ['style', 'src', 'srcSet', 'poster', 'action', 'background', 'formAction'].includes(a.name))).toEqual([]);
    expect(attributes.filter((a) => a.name === 'href' && !/^https:\/\//.test(a.value))).toEqual([]);
    // The payloads are still there to read, as text.
    expect(main).toContain('&lt;img src=x onerror=alert(&#39;time&#39;)&gt;');
    // Only our own script, by nonce.
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([`<script nonce="${OPTIONS.nonce}" src="${OPTIONS.scriptUri}">`]);
  });

  it('shows remote images only when allowed, and only over https', () => {
    const md = '# T\n\n![graph](https://img.example/g.png) ![plain](http://img.example/p.png) ![local](./l.png)\n';
    const blocked = page(md);
    expect(blocked).not.toContain('<img');
    expect(blocked).toContain('[graph: remote images are off (postmortem.preview.allowRemoteImages)]');
    const allowed = page(md, { allowRemoteImages: true });
    expect([...allowed.matchAll(/<img [^>]*>/g)].map((m) => m[0])).toEqual(['<img src="https://img.example/g.png" alt="graph" referrerpolicy="no-referrer" loading="lazy">']);
    expect(allowed).toContain('[local: not shown in the preview]');
  });
});

describe('page', () => {
  it('has the webview CSP: nothing by default, our script by nonce, styles and images from the webview only', () => {
    expect(contentSecurityPolicy(OPTIONS)).toBe(
      `default-src 'none'; style-src https://webview.test; img-src https://webview.test; font-src https://webview.test; script-src 'nonce-${OPTIONS.nonce}'; base-uri 'none'; form-action 'none'`,
    );
    expect(contentSecurityPolicy({ ...OPTIONS, allowRemoteImages: true })).toContain('img-src https://webview.test https:;');
    expect(page('# T\n')).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`);
  });

  it('as a standalone page inlines the CSS under the nonce and has no script', () => {
    const html = page('# T\n', { standalone: true, css: 'body { color: red }' });
    expect(html).toContain(`<style nonce="${OPTIONS.nonce}">\nbody { color: red }\n</style>`);
    expect(html).not.toContain('<script');
    expect(html).toContain('<body class="standalone">');
    expect(contentSecurityPolicy({ ...OPTIONS, standalone: true })).toBe(`default-src 'none'; style-src 'nonce-${OPTIONS.nonce}'; img-src 'none'; base-uri 'none'; form-action 'none'`);
  });

  it('refuses a missing or guessable nonce', () => {
    expect(() => page('# T\n', { nonce: '' })).toThrow(/nonce/);
    expect(() => page('# T\n', { nonce: 'abc" onload="x' })).toThrow(/nonce/);
  });

  it('puts several files on one page, a section each, with distinct ids', () => {
    const files = ['queue-backlog.md', 'rough-draft.md'].map((name) => ({ name, text: fixture(name), analysis: analyze(fixture(name)) }));
    const html = renderStandaloneReport(files, { nonce: OPTIONS.nonce, allowRemoteImages: false, css: '' });
    expect([...html.matchAll(/<section class="file" aria-labelledby="(f\d)-file"><p class="file-name" id="f\d-file">(.*?)<\/p>/g)].map((m) => [m[1], m[2]])).toEqual([['f1', 'queue-backlog.md'], ['f2', 'rough-draft.md']]);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('still shows the problem for a file too large to analyse', () => {
    const big = '# Big\n\n' + 'x'.repeat(3 * 1024 * 1024);
    const { body } = renderPreviewBody(big, analyze(big), { allowRemoteImages: false, interactive: true });
    expect(body).toContain('file-too-large');
    expect(body).not.toContain('class="markdown"');
  });
});

describe('the postmortem/preview request', () => {
  const source = (synced: Record<string, string> = {}): PreviewSource => ({ text: (uri) => synced[uri], analyze: async (_uri, text) => analyze(text), render: renderPreviewBody });

  it('renders the text sent, or the synced document', async () => {
    const documents = source({ 'file:///a.md': '# Synced\n' });
    expect((await answerPreview({ uri: 'file:///a.md', text: '# Sent\n' }, documents))?.title).toBe('Sent');
    expect((await answerPreview({ uri: 'file:///a.md' }, documents))?.title).toBe('Synced');
    expect(await answerPreview({ uri: 'file:///unknown.md' }, documents)).toBeNull();
    await expect(answerPreview({}, documents)).rejects.toThrow(/uri/);
  });

  it('blocks remote images unless the request allows them', async () => {
    const md = '# T\n\n![g](https://img.example/g.png)\n';
    expect((await answerPreview({ uri: 'file:///a.md', text: md }, source()))?.body).not.toContain('<img');
    expect((await answerPreview({ uri: 'file:///a.md', text: md, allowRemoteImages: true }, source()))?.body).toContain('<img src="https://img.example/g.png"');
  });

  it('renders every timeline entry of a long postmortem, edit after edit', async () => {
    const entries = Array.from({ length: 40 }, (_, i) => `- **${13 + Math.floor(i / 12)}:${String((i * 5) % 60).padStart(2, '0')}:** Step ${i}: the team checks dashboards and notes what they see ([graph](https://example.com/${i})).`);
    const lessons = `${'A lesson with *emphasis*, `code` and a [link](https://example.com). '.repeat(4)}\n\n`.repeat(25);
    const long = fixture('queue-backlog.md').replace(/## Timeline\n\n[\s\S]*?\n\n## Root/, `## Timeline\n\n${entries.join('\n')}\n\n## Root`).replace('## Lessons Learned\n', `## Lessons Learned\n\n${lessons}`);
    const start = performance.now();
    for (let i = 0; i < 5; i++) {
      const body = (await answerPreview({ uri: 'file:///long.md', text: `${long}\nEdit ${i}.\n` }, source()))!.body;
      for (const step of [0, 17, 39]) expect(body).toContain(`Step ${step}: the team checks dashboards`);
      expect(body).toContain(`Edit ${i}.`);
    }
    // Speed is a benchmark's claim (side by side, `npm run bench`), not a test's; this only informs.
    console.log(`preview of a ${(long.length / 1024).toFixed(1)} KB postmortem (analyse + render): ${((performance.now() - start) / 5).toFixed(1)} ms wall`);
  });
});

describe('the summary card without a milestone', () => {
  it('says how to set the missing ones explicitly, and says nothing once they are found', () => {
    const base = '# Postmortem: x\n\n## Timeline\n\n- **10:00:** Alert fires.\n- **10:20:** Queue drained.\n';
    const hint = (text: string) => /<p class="hint" data-hint="milestones">(.*?)<\/p>/.exec(renderPreviewBody(text, analyze(text), { allowRemoteImages: false, interactive: false }).body)?.[1];
    expect(hint(base)).toBe('No mitigated, resolved time found in the timeline. Set it with a line near the top such as <code>**Mitigated:** 14:02</code> (<code>**Mitigated:**</code>, <code>**Resolved:**</code>).');
    expect(hint(`${base}- **10:30:** Rolled back.\n- **10:40:** All services recovered.\n`)).toBeUndefined();
    expect(hint(base.replace('# Postmortem: x\n', '# Postmortem: x\n\n**Mitigated:** 10:10\n\n**Resolved:** 10:20\n'))).toBeUndefined();
  });
});

describe('the action table', () => {
  const cells = (line: string) => {
    const text = `# Postmortem: x\n\n## Corrective and Preventative Measures\n\n${line}\n`;
    const { body } = renderPreviewBody(text, analyze(text), { allowRemoteImages: false, interactive: false });
    return [...body.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);
  };

  it('shows owner and due in their columns, not again in the Action column', () => {
    expect(cells('- **Fix:** Rotate the keys (owner: Dana Smith, due 2024-06-01)').slice(0, 4)).toEqual(['Rotate the keys', 'Dana Smith', '', '2024-06-01']);
    expect(cells('- **Fix:** Rotate the keys, owner: Dana').slice(0, 2)).toEqual(['Rotate the keys', 'Dana']);
    // A parenthesis that is not a field note stays.
    expect(cells('- **Fix:** Rotate the keys (all regions) @dana')[0]).toBe('Rotate the keys (all regions) @dana');
  });
});
