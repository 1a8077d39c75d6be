// The postmortem preview's own script (loaded by nonce). Clicking or pressing Enter on anything that
// carries a line asks the extension to reveal it; updates replace the content in place to keep the scroll;
// the editor's cursor line scrolls to (and marks) what the cursor is in.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');

  /** @param {EventTarget | null} target */
  function lineOf(target) {
    if (!(target instanceof Element)) return undefined;
    // Links and checkboxes keep their own behaviour.
    if (target.closest('a, input')) return undefined;
    const element = target.closest('[data-line]');
    if (!element) return undefined;
    const line = Number(element.getAttribute('data-line'));
    return Number.isInteger(line) && line >= 0 ? line : undefined;
  }

  function reveal(line) {
    vscode.postMessage({ type: 'reveal', line });
  }

  document.addEventListener('click', (event) => {
    // Selecting text is not a request to jump.
    if (String(window.getSelection() ?? '') !== '') return;
    const line = lineOf(event.target);
    if (line !== undefined) reveal(line);
  });

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = event.target;
    if (!(target instanceof Element) || !target.hasAttribute('tabindex')) return;
    const line = lineOf(target);
    if (line === undefined) return;
    event.preventDefault();
    reveal(line);
  });

  /** The editor's cursor line, as last sent: the page marks (and shows) what it is in. */
  let cursorLine = -1;

  /**
   * Marks the rendered block the cursor is in (the last one starting at or before its line; the
   * deepest on a tie) and, when that block is a timeline entry, the entry on the timeline axis.
   * With `scroll`, brings the mark into view — the axis entry first — unless it is already visible.
   */
  function followCursor(scroll) {
    if (!root || cursorLine < 0) return;
    for (const old of root.querySelectorAll('.cursor')) old.classList.remove('cursor');
    let block;
    let blockLine = -1;
    for (const element of root.querySelectorAll('section.document [data-line]')) {
      const line = Number(element.getAttribute('data-line'));
      if (line <= cursorLine && line >= blockLine) {
        block = element;
        blockLine = line;
      }
    }
    if (!block) return;
    const entry = root.querySelector(`section.timeline li.entry[data-line="${blockLine}"]`);
    // A section's prose marks its heading: a paragraph in the middle says little about where one is.
    const heading = block.matches('h1, h2, h3, h4, h5, h6') ? block : undefined;
    for (const marked of [block, entry, heading]) marked?.classList.add('cursor');
    const target = entry ?? block;
    if (!scroll) return;
    const box = target.getBoundingClientRect();
    if (box.top >= 0 && box.bottom <= window.innerHeight) return;
    target.scrollIntoView({ block: 'center' });
  }

  let followPending = false;
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!root || !message) return;
    if (message.type === 'cursor' && Number.isInteger(message.line) && message.line >= 0) {
      cursorLine = message.line;
      // Selection events come in bursts (typing, dragging): one scroll per frame.
      if (followPending) return;
      followPending = true;
      requestAnimationFrame(() => {
        followPending = false;
        followCursor(true);
      });
      return;
    }
    if (message.type !== 'update' || typeof message.html !== 'string') return;
    // Keep focus on the same kind of entry across updates, so keyboard users are not thrown to the top.
    const focused = document.activeElement instanceof Element ? document.activeElement.getAttribute('data-line') : null;
    root.innerHTML = message.html;
    if (focused !== null) root.querySelector(`[data-line="${CSS.escape(focused)}"][tabindex]`)?.focus({ preventScroll: true });
    followCursor(false);
  });

  // The webview is rebuilt when hidden (no retained context): come back to where the reader was.
  const state = vscode.getState();
  if (state && typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
  // Messages sent before this script ran were lost: ask for the cursor again.
  vscode.postMessage({ type: 'ready' });
  let pending = false;
  window.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      vscode.setState({ ...vscode.getState(), scrollY: window.scrollY });
    });
  }, { passive: true });
})();
