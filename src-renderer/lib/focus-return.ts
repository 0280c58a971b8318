/**
 * Where focus goes back when a dialog or a side panel closes: to what had it before, with the focus ring only if it
 * showed one then. Chromium shows the ring on a programmatic focus that follows a key press (Escape closing the
 * panel), so a button clicked with the mouse would light up after the panel it opened is closed by key. The ring is
 * kept off (`data-focus-quiet`, see theme.css) until that element loses focus; Tab from there moves on with a ring.
 */
export function rememberFocus(): () => void {
  const previous = document.activeElement;
  const element = previous instanceof HTMLElement && previous !== document.body ? previous : null;
  const ringShown = element?.matches(':focus-visible') ?? false;
  return () => {
    if (!element?.isConnected) return;
    if (!ringShown) {
      element.dataset['focusQuiet'] = '';
      element.addEventListener('blur', () => delete element.dataset['focusQuiet'], { once: true });
    }
    element.focus({ preventScroll: true });
  };
}
