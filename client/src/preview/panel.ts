// One preview webview: renders the document it follows, refreshes while the user types, reveals clicked lines.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderPage } from '../../../server/src/preview/page.js';
import { PREVIEW_REQUEST, type PreviewParams, type PreviewResult } from '../../../server/src/preview/protocol.js';
import { escapeHtml } from '../../../server/src/preview/html.js';
import { previewTitle } from './title.js';

export const PREVIEW_VIEW_TYPE = 'postmortem.preview';
/** Typing refreshes at most this often; with the server's render it stays within the ~300 ms the issue asks for. */
export const UPDATE_DELAY_MS = 150;

export class PreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sent = 0;
  private applied = 0;
  /** Messages to a hidden webview are dropped; the next reveal rebuilds the page instead. */
  private stale = false;
  private pageRemoteImages: boolean | undefined;
  /** The editor's cursor line in the followed document, sent to the page to scroll to. */
  private cursorLine: number | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    public document: vscode.TextDocument,
    private readonly client: LanguageClient,
    private readonly mediaRoot: vscode.Uri,
    onDispose: (panel: PreviewPanel) => void,
  ) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) void this.render(true);
      }),
      panel.onDidDispose(() => {
        this.dispose();
        onDispose(this);
      }),
    );
    void this.render(true);
  }

  static webviewOptions(mediaRoot: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: [mediaRoot], retainContextWhenHidden: false };
  }

  show(document: vscode.TextDocument): void {
    if (document.uri.toString() !== this.document.uri.toString()) {
      this.document = document;
      void this.render(true);
    }
  }

  /** The cursor moved in an editor of the followed document: the page scrolls to what it is in. */
  followCursor(line: number): void {
    this.cursorLine = line;
    if (this.panel.visible) void this.panel.webview.postMessage({ type: 'cursor', line });
  }

  /** Called on every change of the document; refreshes on a trailing timer. */
  scheduleUpdate(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.render(false);
    }, UPDATE_DELAY_MS);
  }

  async render(full: boolean): Promise<void> {
    const seq = ++this.sent;
    const allowRemoteImages = vscode.workspace.getConfiguration('postmortem.preview', this.document.uri).get<boolean>('allowRemoteImages', false);
    let result: PreviewResult | null;
    try {
      const params: PreviewParams = { uri: this.client.code2ProtocolConverter.asUri(this.document.uri), text: this.document.getText(), allowRemoteImages };
      result = await this.client.sendRequest<PreviewResult | null>(PREVIEW_REQUEST, params);
    } catch (error) {
      result = { title: 'Postmortem preview', body: `<p class="empty">The preview needs the postmortem language server: ${escapeHtml(error instanceof Error ? error.message : String(error))}</p>` };
    }
    // An older answer arriving after a newer one would undo the user's last keystrokes.
    if (seq < this.applied || !result) return;
    this.applied = seq;
    // Not "Preview x.md": that is VS Code's own Markdown preview, which may be open beside this one.
    this.panel.title = previewTitle(this.document.uri.path);
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    // The CSP differs with remote images, and the first page has no script to receive updates yet.
    if (full || this.pageRemoteImages !== allowRemoteImages) {
      this.pageRemoteImages = allowRemoteImages;
      this.panel.webview.html = this.page(result, allowRemoteImages);
    } else {
      void this.panel.webview.postMessage({ type: 'update', html: result.body });
    }
  }

  private page(result: PreviewResult, allowRemoteImages: boolean): string {
    const webview = this.panel.webview;
    return renderPage(result.title, result.body, {
      nonce: nonce(),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'preview.css')).toString(),
      allowRemoteImages,
    });
  }

  private async onMessage(message: unknown): Promise<void> {
    if (typeof message !== 'object' || message === null) return;
    const { type, line } = message as { type?: unknown; line?: unknown };
    // A new page (first render, or rebuilt after being hidden) lost what was sent before its script ran.
    if (type === 'ready') {
      if (this.cursorLine !== undefined) void this.panel.webview.postMessage({ type: 'cursor', line: this.cursorLine });
      return;
    }
    if (type !== 'reveal' || typeof line !== 'number' || !Number.isInteger(line) || line < 0) return;
    const target = Math.min(line, this.document.lineCount - 1);
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.document.uri.toString());
    // Never open the editor on top of the preview itself.
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: column, preserveFocus: false });
    const position = new vscode.Position(target, 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

/** Web Crypto: there in the Node extension host and in the web worker one. */
function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
