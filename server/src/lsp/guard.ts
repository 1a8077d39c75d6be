// Every handler runs through here: a throw becomes a ResponseError (and a log line), never a
// dead server. Bad params are the client's mistake (InvalidParams); anything else is ours.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

export class ParamsError extends Error {}

type Handler<P, R> = (params: P, ...rest: any[]) => R | Promise<R>;

export function guardRequest<P, R>(connection: Connection, name: string, handler: Handler<P, R>): (params: P, ...rest: any[]) => Promise<R | ResponseError<void>> {
  return async (params, ...rest) => {
    try {
      return await handler(params, ...rest);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof ResponseError) return error as ResponseError<void>;
      if (error instanceof ParamsError) {
        connection.console.warn(`${name}: ${message}`);
        return new ResponseError(ErrorCodes.InvalidParams, message);
      }
      connection.console.error(`${name} failed: ${error instanceof Error ? error.stack ?? message : message}`);
      return new ResponseError(ErrorCodes.InternalError, `Postmortem server: ${name} failed: ${message}`);
    }
  };
}

export function guardNotification<P>(connection: Connection, name: string, handler: Handler<P, void>): (params: P) => void {
  return (params) => {
    Promise.resolve()
      .then(() => handler(params))
      .catch((error) => connection.console.error(`${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
  };
}

/** Runs background work (timers, queues) so a failure is logged, not thrown into the event loop. */
export function logFailure(connection: Connection, name: string, work: Promise<unknown>): void {
  work.catch((error) => connection.console.error(`${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
}

export function requireUri(params: unknown): string {
  const uri = (params as { uri?: unknown } | null | undefined)?.uri;
  if (typeof uri !== 'string' || uri === '') throw new ParamsError('Expected params { uri: string }.');
  return uri;
}

export function requireTextDocumentUri(params: unknown): string {
  const uri = (params as { textDocument?: { uri?: unknown } } | null | undefined)?.textDocument?.uri;
  if (typeof uri !== 'string' || uri === '') throw new ParamsError('Expected params { textDocument: { uri: string } }.');
  return uri;
}

export function requirePosition(params: unknown): { line: number; character: number } {
  const position = (params as { position?: { line?: unknown; character?: unknown } } | null | undefined)?.position;
  const ok = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!position || !ok(position.line) || !ok(position.character)) throw new ParamsError('Expected params { position: { line, character } } with whole numbers.');
  return { line: position.line as number, character: position.character as number };
}
