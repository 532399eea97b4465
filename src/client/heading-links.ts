/**
 * The `#` link beside each heading: its `href` already points at the
 * section (works without JavaScript); with JavaScript a click also copies
 * the section's full address and says so in a polite live region.
 */

/**
 * Wires every `a.heading-anchor` on the page.
 *
 * @example
 * initHeadingLinks(document); // clicking # copies https://…/#features-1
 */
export function initHeadingLinks(doc: Document): void {
  const status = liveRegion(doc);
  doc.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a.heading-anchor');
    if (!(link instanceof HTMLAnchorElement)) return;
    const url = link.href;
    const clipboard = doc.defaultView?.navigator.clipboard;
    if (!clipboard) return;
    clipboard.writeText(url).then(
      () => announce(status, link, '已复制本节链接'),
      () => announce(status, link, '无法复制，可从地址栏复制本节链接'),
    );
  });
}

function liveRegion(doc: Document): HTMLElement {
  const existing = doc.getElementById('copy-status');
  if (existing) return existing;
  const region = doc.createElement('p');
  region.id = 'copy-status';
  region.className = 'visually-hidden';
  region.setAttribute('role', 'status');
  doc.body.append(region);
  return region;
}

function announce(status: HTMLElement, link: HTMLElement, message: string): void {
  status.textContent = message;
  link.dataset.copied = 'true';
  link.ownerDocument.defaultView?.setTimeout(() => {
    delete link.dataset.copied;
  }, 2000);
}
