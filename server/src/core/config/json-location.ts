// Maps JSON pointers (as ajv reports them) back to offsets in the original text,
// so problems land on the exact value or key a person has to change.
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { Range } from '../types.js';

/** Splits an RFC 6901 pointer ("/a/b~1c") into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function nodeRange(node: Node): Range {
  return { start: node.offset, end: node.offset + node.length };
}

/**
 * The deepest node the pointer reaches: a segment is an index only where the
 * node is an array, since a pointer alone cannot tell "0" the key from 0 the index.
 */
export function nodeAtPointer(root: Node, pointer: string): { node: Node; complete: boolean } {
  let node = root;
  for (const segment of pointerSegments(pointer)) {
    const step = node.type === 'array' && /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment;
    const next = findNodeAtLocation(node, [step]);
    if (!next) return { node, complete: false };
    node = next;
  }
  return { node, complete: true };
}

/** The key node of `key` in the object at `pointer`, if there is one. */
export function keyNodeAt(root: Node, pointer: string, key: string): Node | undefined {
  const { node, complete } = nodeAtPointer(root, pointer);
  if (!complete || node.type !== 'object') return undefined;
  for (const property of node.children ?? []) {
    const keyNode = property.children?.[0];
    if (keyNode && keyNode.value === key) return keyNode;
  }
  return undefined;
}

/**
 * Range of the value at `pointer`, or of the key `key` inside it (for unknown-key
 * errors). Falls back to the nearest enclosing value that exists.
 */
export function rangeAtPointer(root: Node, pointer: string, key?: string): Range {
  if (key !== undefined) {
    const keyNode = keyNodeAt(root, pointer, key);
    if (keyNode) return nodeRange(keyNode);
  }
  return nodeRange(nodeAtPointer(root, pointer).node);
}
