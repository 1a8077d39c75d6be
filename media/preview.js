// The postmortem preview's own script (loaded by nonce). Clicking or pressing Enter on anything that
// carries a line asks the extension to reveal it; updates replace the content in place to keep the scroll.
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

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!root || !message || message.type !== 'update' || typeof message.html !== 'string') return;
    // Keep focus on the same kind of entry across updates, so keyboard users are not thrown to the top.
    const focused = document.activeElement instanceof Element ? document.activeElement.getAttribute('data-line') : null;
    root.innerHTML = message.html;
    if (focused !== null) root.querySelector(`[data-line="${CSS.escape(focused)}"][tabindex]`)?.focus({ preventScroll: true });
  });

  // The webview is rebuilt when hidden (no retained context): come back to where the reader was.
  const state = vscode.getState();
  if (state && typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
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
