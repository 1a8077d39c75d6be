// Reads JSON text into plain values without trusting it: bounded nesting, no
// prototype-polluting keys, every syntax error reported at its offset.
import { createScanner, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Range } from '../types.js';
import type { ConfigProblem } from './config-types.js';
import { nodeRange } from './json-location.js';

/** Real configs and templates nest less than 20 levels; this bounds recursion. */
export const MAX_DEPTH = 64;
export const MAX_TEXT_LENGTH = 1024 * 1024;

/** Keys that would reach Object.prototype if ever assigned with `obj[key] = …`. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const PARSE_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected a colon',
  CommaExpected: 'Expected a comma',
  CloseBraceExpected: 'Expected a closing brace "}"',
  CloseBracketExpected: 'Expected a closing bracket "]"',
  EndOfFileExpected: 'Expected the end of the file after the value',
  InvalidCommentToken: 'Invalid comment',
  UnexpectedEndOfComment: 'Comment is not closed',
  UnexpectedEndOfString: 'String is not closed',
  UnexpectedEndOfNumber: 'Number is not complete',
  InvalidUnicode: 'Invalid Unicode escape',
  InvalidEscapeCharacter: 'Invalid escape sequence',
  InvalidCharacter: 'Invalid character in string',
};

export function parseErrorMessage(error: ParseError): string {
  return PARSE_MESSAGES[printParseErrorCode(error.error)] ?? 'Invalid JSON';
}

export interface JsonRead {
  /** Undefined when the text could not be read at all. */
  root: Node | undefined;
  value: unknown;
  problems: ConfigProblem[];
}

/**
 * Comments and trailing commas are accepted, as in tsconfig.json. Any problem of
 * severity "error" means the value must not be used.
 */
export function readJson(text: string): JsonRead {
  const problems: ConfigProblem[] = [];
  const error = (message: string, range: Range) => problems.push({ message, range, severity: 'error' });
  // jsonc-parser recurses per level and overflows the stack near 5,000 levels,
  // so measure nesting with its (iterative) scanner first.
  const { empty, tooDeep } = scanStructure(text);
  if (tooDeep !== undefined) {
    error(`Nested more than ${MAX_DEPTH} levels deep; ignored`, { start: tooDeep, end: tooDeep + 1 });
    return { root: undefined, value: undefined, problems };
  }

  const parseErrors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  } catch (e) {
    error(`Could not read JSON: ${e instanceof Error ? e.message : String(e)}`, { start: 0, end: 0 });
    return { root: undefined, value: undefined, problems };
  }
  for (const e of parseErrors) {
    // Blank or comments only means "no settings", but an unclosed comment is still an error.
    if (empty && printParseErrorCode(e.error) === 'ValueExpected') continue;
    error(parseErrorMessage(e), { start: e.offset, end: e.offset + e.length });
  }
  if (empty) return { root: undefined, value: {}, problems };
  if (!root) return { root, value: undefined, problems };
  const value = toValue(root, problems);
  return { root, value, problems };
}

/** Whether there is any token besides comments, and where nesting first exceeds MAX_DEPTH. */
function scanStructure(text: string): { empty: boolean; tooDeep?: number } {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let tokens = 0; ; tokens++) {
    scanner.scan();
    const length = scanner.getTokenLength();
    if (length === 0) return { empty: tokens === 0 }; // end of text
    if (length !== 1) continue;
    const char = text[scanner.getTokenOffset()];
    if (char === '{' || char === '[') {
      if (++depth > MAX_DEPTH) return { empty: false, tooDeep: scanner.getTokenOffset() };
    } else if (char === '}' || char === ']') {
      depth = Math.max(0, depth - 1);
    }
  }
}

/** Builds plain values from the tree; keys go in with defineProperty, never `obj[key] =`. */
function toValue(node: Node, problems: ConfigProblem[]): unknown {
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || !valueNode) continue; // incomplete property: already a parse error
        const key = String(keyNode.value);
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({ message: `Key "${key}" is not allowed`, range: nodeRange(keyNode), severity: 'error' });
          continue;
        }
        if (Object.prototype.hasOwnProperty.call(object, key)) {
          problems.push({
            message: `Duplicate key "${key}"; the last one is used`,
            range: nodeRange(keyNode),
            severity: 'warning',
          });
        }
        Object.defineProperty(object, key, {
          value: toValue(valueNode, problems),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return object;
    }
    case 'array':
      return (node.children ?? []).map((child) => toValue(child, problems));
    default:
      return node.value;
  }
}

/** 1-based line and column, for messages about a file other than the one shown. */
export function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}
