// Tree walks without recursion: "*a **a *a …" nests emphasis thousands deep, and a recursive walk
// (unist-util-visit, mdast-util-to-string) overflows the stack on it.

interface AnyNode {
  type: string;
  value?: unknown;
  alt?: unknown;
  children?: AnyNode[];
}

/** The text of a node, like mdast-util-to-string (image alt included; HTML only when asked). */
export function plainText(node: AnyNode, options: { includeHtml?: boolean } = {}): string {
  const includeHtml = options.includeHtml ?? true;
  const out: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if ('value' in current) {
      if (typeof current.value === 'string' && (includeHtml || current.type !== 'html')) out.push(current.value);
    } else if (typeof current.alt === 'string' && current.alt) {
      out.push(current.alt);
    } else if (current.children) {
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]);
    }
  }
  return out.join('');
}

/** Every node of `type` under `tree`, in document order. */
export function nodesOfType<T extends AnyNode>(tree: AnyNode, type: string): T[] {
  const found: T[] = [];
  const stack: AnyNode[] = [tree];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.type === type) found.push(current as T);
    if (current.children) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]);
  }
  return found;
}

/**
 * A copy of `text` that does not keep the string it was sliced from alive. V8 keeps a slice as a
 * view of its parent, so a cached piece, or an entry's text, would hold on to the whole document
 * as it was when it was read: over an editing session, one full copy per edited section.
 */
export function detached(text: string): string {
  return (' ' + text).slice(1);
}
