// The web client (VS Code for the Web): the same options as client.ts, the server in a web worker
// (dist/server-web.js). scripts/build.mjs swaps this in for client.ts in dist/client-web.cjs.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { postmortemClientOptions } from '../client-options.js';
import { registerFileRequests } from './file-requests.js';

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const serverUri = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server-web.js');
  let worker: Worker | undefined;
  // A function, so every (re)start gets a new worker; it returns the transports rather than the
  // Worker, whose `instanceof Worker` check fails against the host's replacement of Worker.
  const serverOptions = async () => {
    worker?.terminate();
    worker = await startWorker(serverUri);
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  const client = new LanguageClient('postmortem', 'Postmortem', serverOptions, postmortemClientOptions(context, outputChannel));
  context.subscriptions.push(registerFileRequests(client), { dispose: () => worker?.terminate() });
  return client;
}

/**
 * vscode.dev serves the extension over https and the host can start the worker from its URL.
 * An extension on a remote (code-server, Codespaces) has a vscode-remote URL that the host refuses
 * ("Creating workers from remote extensions is currently not supported"): fetch the script, which
 * the host can, and start the worker from a Blob URL of it. Hence one self-contained bundle.
 */
async function startWorker(serverUri: vscode.Uri): Promise<Worker> {
  const url = serverUri.toString(true);
  try {
    return new Worker(url);
  } catch {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`could not load the language server from ${url}: HTTP ${response.status}`);
    const script = new Blob([await response.text()], { type: 'application/javascript' });
    return new Worker(URL.createObjectURL(script));
  }
}
