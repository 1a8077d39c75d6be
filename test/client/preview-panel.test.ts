// The preview panel against a stand-in for the vscode API: throttled updates, stale answers, reveal, reloads.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../server/src/core/index.js';
import { renderPreviewBody } from '../../server/src/preview/index.js';
import type { PreviewParams } from '../../server/src/preview/protocol.js';

const settings: Record<string, unknown> = {};
const shown: { line: number; column: unknown }[] = [];

vi.mock('vscode', () => {
  class Position { constructor(readonly line: number, readonly character: number) {} }
  class Range { constructor(readonly start: Position, readonly end: Position) {} }
  class Selection extends Range {}
  return {
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    TextEditorRevealType: { InCenterIfOutsideViewport: 2 },
    Position, Range, Selection,
    Uri: { joinPath: (base: { path: string }, ...parts: string[]) => ({ path: [base.path, ...parts].join('/'), toString() { return `vscode-resource:${this.path}`; } }) },
    workspace: { getConfiguration: () => ({ get: (key: string, fallback: unknown) => settings[key] ?? fallback }) },
    window: {
      visibleTextEditors: [],
      showTextDocument: async (_document: unknown, options: { viewColumn: unknown }) => {
        const editor = {
          set selection(selection: Selection) { shown.push({ line: selection.start.line, column: options.viewColumn }); },
          revealRange: () => undefined,
        };
        return editor;
      },
    },
  };
});

const { PreviewPanel, UPDATE_DELAY_MS } = await import('../../client/src/preview/panel.js');

function fakePanel() {
  const listeners: Record<string, (value?: unknown) => void> = {};
  const panel = {
    title: '',
    visible: true,
    viewColumn: 2,
    htmlHistory: [] as string[],
    posted: [] as { type: string; html: string }[],
    webview: {
      cspSource: 'vscode-webview://abc',
      asWebviewUri: (uri: { toString(): string }) => uri,
      set html(value: string) { panel.htmlHistory.push(value); },
      postMessage: async (message: { type: string; html: string }) => void panel.posted.push(message),
      onDidReceiveMessage: (listener: (message: unknown) => void) => ((listeners.message = listener), { dispose() {} }),
    },
    onDidChangeViewState: (listener: () => void) => ((listeners.viewState = listener), { dispose() {} }),
    onDidDispose: (listener: () => void) => ((listeners.dispose = listener), { dispose() {} }),
    fire: (name: string, value?: unknown) => listeners[name]?.(value),
  };
  return panel;
}

function fakeDocument(text: string) {
  return { uri: { toString: () => 'file:///pm.md', path: '/pm.md' }, text, getText() { return this.text; }, get lineCount() { return this.text.split('\n').length; } };
}

function fakeClient(delays: number[] = []) {
  const requests: PreviewParams[] = [];
  return {
    requests,
    code2ProtocolConverter: { asUri: (uri: { toString(): string }) => uri.toString() },
    sendRequest: async (_method: string, params: PreviewParams) => {
      requests.push(params);
      const delay = delays.shift() ?? 0;
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      return renderPreviewBody(params.text!, analyze(params.text!), { allowRemoteImages: params.allowRemoteImages === true, interactive: true });
    },
  };
}

const make = (text = '# One\n', delays: number[] = []) => {
  const panel = fakePanel();
  const document = fakeDocument(text);
  const client = fakeClient(delays);
  const preview = new PreviewPanel(panel as never, document as never, client as never, { path: '/ext/media' } as never, () => undefined);
  return { panel, document, client, preview };
};

beforeEach(() => {
  vi.useFakeTimers();
  for (const key of Object.keys(settings)) delete settings[key];
  shown.length = 0;
});
afterEach(() => vi.useRealTimers());

describe('PreviewPanel', () => {
  it('builds the page once with a fresh nonce and the webview CSP', async () => {
    const { panel } = make();
    await vi.advanceTimersByTimeAsync(0);
    expect(panel.htmlHistory).toHaveLength(1);
    const html = panel.htmlHistory[0];
    const nonce = /<script nonce="([^"]+)" src="vscode-resource:\/ext\/media\/preview.js">/.exec(html)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(html).toContain(`script-src &#39;nonce-${nonce}&#39;`);
    expect(html).toContain('img-src vscode-webview://abc;');
    expect(panel.title).toBe('Postmortem: pm.md');
  });

  it('while typing, asks at most once per 150 ms and updates in place', async () => {
    const { panel, document, client, preview } = make();
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 10; i++) {
      document.text = `# Typed ${i}\n`;
      preview.scheduleUpdate();
      await vi.advanceTimersByTimeAsync(30);
    }
    await vi.advanceTimersByTimeAsync(UPDATE_DELAY_MS);
    // 300 ms of typing: the first request, then one per elapsed 150 ms, the last with the final text.
    expect(client.requests.length).toBeLessThanOrEqual(1 + 3);
    expect(client.requests.at(-1)?.text).toBe('# Typed 9\n');
    expect(panel.htmlHistory).toHaveLength(1);
    expect(panel.posted.at(-1)?.html).toContain('Typed 9');
    expect(UPDATE_DELAY_MS).toBeLessThanOrEqual(150);
  });

  it('drops an answer that arrives after a newer one', async () => {
    const { panel, document, preview } = make('# Zero\n', [0, 200, 0]);
    await vi.advanceTimersByTimeAsync(0);
    document.text = '# Slow\n';
    void preview.render(false);
    document.text = '# Fast\n';
    void preview.render(false);
    await vi.advanceTimersByTimeAsync(300);
    expect(panel.posted.map((m) => /<h1 id="pm-summary">(.*?)<\/h1>/.exec(m.html)?.[1])).toEqual(['Fast']);
  });

  it('sends the editor cursor line to the page, and again when a new page says it is ready', async () => {
    const { panel, preview } = make('# T\n\nline 2\n');
    await vi.advanceTimersByTimeAsync(0);
    preview.followCursor(2);
    expect(panel.posted.at(-1)).toEqual({ type: 'cursor', line: 2 });
    // A page rebuilt later (hidden, then shown) lost that message: its script asks again.
    panel.posted.length = 0;
    panel.fire('message', { type: 'ready' });
    expect(panel.posted).toEqual([{ type: 'cursor', line: 2 }]);
    // Hidden: nothing is sent (the webview would drop it); the line is kept for the next page.
    panel.visible = false;
    preview.followCursor(0);
    expect(panel.posted).toHaveLength(1);
    panel.fire('message', { type: 'ready' });
    expect(panel.posted.at(-1)).toEqual({ type: 'cursor', line: 0 });
  });

  it('reveals the clicked line in the editor, in a column other than the preview', async () => {
    const { panel } = make('# T\n\nline 2\n\nline 4\n');
    await vi.advanceTimersByTimeAsync(0);
    panel.fire('message', { type: 'reveal', line: 4 });
    panel.fire('message', { type: 'reveal', line: 'x' });
    panel.fire('message', { type: 'other', line: 1 });
    panel.fire('message', { type: 'reveal', line: 99 });
    await vi.advanceTimersByTimeAsync(0);
    expect(shown).toEqual([{ line: 4, column: 1 }, { line: 5, column: 1 }]);
  });

  it('rebuilds the page when shown again after updates it missed, and when remote images are switched on', async () => {
    const { panel, document, preview } = make('# T\n\n![g](https://img.example/g.png)\n');
    await vi.advanceTimersByTimeAsync(0);
    panel.visible = false;
    document.text += '\nmore\n';
    await preview.render(false);
    expect(panel.posted).toEqual([]);
    panel.visible = true;
    panel.fire('viewState');
    await vi.advanceTimersByTimeAsync(0);
    expect(panel.htmlHistory).toHaveLength(2);

    settings.allowRemoteImages = true;
    await preview.render(false);
    expect(panel.htmlHistory).toHaveLength(3);
    expect(panel.htmlHistory[2]).toContain('img-src vscode-webview://abc https:;');
    expect(panel.htmlHistory[2]).toContain('<img src="https://img.example/g.png"');
  });
});
