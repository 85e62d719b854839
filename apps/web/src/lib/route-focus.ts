/**
 * Focus after a client-side navigation: the shell focuses <main> as soon as the route resolves,
 * and the page's heading takes focus when it mounts (PageHeader), so screen readers announce
 * the new page and keyboard users start at its top. The first load keeps the browser's focus.
 */
let pending = false;

export function requestPageFocus(): void {
  pending = true;
  document.getElementById('main')?.focus({ preventScroll: true });
}

/** Called by the page heading once it is in the document. */
export function takePageFocus(heading: HTMLElement | null): void {
  if (!pending || !heading) return;
  pending = false;
  heading.focus({ preventScroll: true });
}
