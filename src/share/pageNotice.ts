/** A notice fixed at the top of the window (see landing.ts). */
/** For a link that cannot be used anywhere on the page: says so where the reader is, until dismissed. */
export function pageNotice(text: string): void {
  const box = document.createElement('div');
  box.className = 'link-notice';
  box.setAttribute('role', 'alert');
  const p = document.createElement('p');
  p.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Dismiss';
  close.addEventListener('click', () => box.remove());
  box.append(p, close);
  document.body.append(box);
}
