// The Postmortems and Action Items views: tree data providers over the server's workspace index.
// Only vscode APIs and server requests (no Node), so the views work in VS Code for the Web too.
import * as vscode from 'vscode';
import { WORKSPACE_INDEX_REQUEST, type IndexedPostmortem, type WorkspaceIndexParams, type WorkspaceIndexResult } from '../../../server/src/lsp/protocol.js';
import { actionTree, localToday, openOverdueCount, postmortemTree, type ActionGrouping, type ModelNode } from './tree-model.js';

/** What the views need of the language client: one request. */
export interface IndexSource {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
  start?(): Promise<void>;
}

export const POSTMORTEMS_VIEW = 'postmortem.postmortems';
export const ACTION_ITEMS_VIEW = 'postmortem.actionItems';

class ModelTree implements vscode.TreeDataProvider<ModelNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  roots: ModelNode[] = [];

  set(roots: ModelNode[]): void {
    this.roots = roots;
    this.changed.fire();
  }

  getChildren(node?: ModelNode): ModelNode[] {
    return node ? (node.children ?? []) : this.roots;
  }

  getTreeItem(node: ModelNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children ? (node.kind === 'group' && node.id.startsWith('status:done') ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded) : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = node.overdue ? 'overdue' : node.kind;
    if (node.kind === 'postmortem') item.iconPath = new vscode.ThemeIcon('notebook');
    if (node.kind === 'action') item.iconPath = node.overdue ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('circle-outline');
    if (node.open) {
      const uri = vscode.Uri.parse(node.open.uri);
      item.resourceUri = node.kind === 'postmortem' ? uri : undefined;
      const position = new vscode.Position(node.open.line, 0);
      item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(position, position) }] };
    }
    return item;
  }
}

/** The two views, what they hold now (for tests), and how to refresh them. */
export interface PostmortemViews extends vscode.Disposable {
  refresh(changed?: string[]): Promise<void>;
  readonly postmortems: ModelTree;
  readonly actionItems: ModelTree;
  readonly index: readonly IndexedPostmortem[];
  readonly badge: number;
  grouping: ActionGrouping;
}

export function registerViews(client: IndexSource): PostmortemViews {
  const postmortems = new ModelTree();
  const actionItems = new ModelTree();
  const postmortemsView = vscode.window.createTreeView(POSTMORTEMS_VIEW, { treeDataProvider: postmortems, showCollapseAll: true });
  const actionItemsView = vscode.window.createTreeView(ACTION_ITEMS_VIEW, { treeDataProvider: actionItems, showCollapseAll: true });
  let index: IndexedPostmortem[] = [];
  let grouping: ActionGrouping = 'owner';
  let badge = 0;
  let pending: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const show = () => {
    const today = localToday();
    postmortems.set(postmortemTree(index));
    actionItems.set(actionTree(index, grouping, today));
    badge = openOverdueCount(index, today);
    actionItemsView.badge = badge ? { value: badge, tooltip: `${badge} open action item${badge === 1 ? '' : 's'} overdue` } : undefined;
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItemsGrouping', grouping);
  };
  const refresh = async (changed?: string[]) => {
    const result = await client.sendRequest<WorkspaceIndexResult>(WORKSPACE_INDEX_REQUEST, { changed } satisfies WorkspaceIndexParams);
    index = result.postmortems;
    show();
  };
  const refreshSoon = (uri?: vscode.Uri) => {
    if (uri) pending.push(uri.toString());
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = pending;
      pending = [];
      refresh(changed).catch(() => undefined);
    }, 500);
  };

  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
  const views: PostmortemViews = {
    refresh,
    postmortems,
    actionItems,
    get index() {
      return index;
    },
    get badge() {
      return badge;
    },
    get grouping() {
      return grouping;
    },
    set grouping(value) {
      grouping = value;
      show();
    },
    dispose: () => {
      clearTimeout(timer);
      for (const d of disposables) d.dispose();
    },
  };
  const disposables: vscode.Disposable[] = [
    postmortemsView,
    actionItemsView,
    watcher,
    watcher.onDidCreate(refreshSoon),
    watcher.onDidChange(refreshSoon),
    watcher.onDidDelete(refreshSoon),
    // Open documents are indexed from what is typed, not from disk.
    vscode.workspace.onDidChangeTextDocument((event) => event.document.languageId === 'markdown' && refreshSoon()),
    vscode.workspace.onDidCloseTextDocument((document) => document.languageId === 'markdown' && refreshSoon(document.uri)),
    vscode.commands.registerCommand('postmortem.refreshViews', () => refresh()),
    vscode.commands.registerCommand('postmortem.actionItems.groupByOwner', () => void (views.grouping = 'owner')),
    vscode.commands.registerCommand('postmortem.actionItems.groupByTag', () => void (views.grouping = 'tag')),
  ];
  void vscode.commands.executeCommand('setContext', 'postmortem.actionItemsGrouping', grouping);
  return views;
}
