/**
 * The sticky contents on wide screens: marks the link of the chapter being
 * read with `aria-current="location"`, so the reader sees where they are.
 * Without JavaScript (or IntersectionObserver) the contents simply stay as
 * plain links.
 */

/**
 * Watches the chapters linked from `nav.toc` and keeps one link current.
 *
 * @example
 * initToc(document); // scrolling to 附件1 marks its contents link
 */
export function initToc(doc: Document): void {
  const view = doc.defaultView;
  const toc = doc.querySelector('nav.toc');
  if (!toc || !view || !('IntersectionObserver' in view)) return;
  const links = new Map<Element, HTMLAnchorElement>();
  for (const link of toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
    const target = doc.getElementById(decodeURIComponent(link.hash.slice(1)));
    const section = target?.closest('section.chapter');
    if (section && !links.has(section)) links.set(section, link);
  }
  const visible = new Set<Element>();
  const observer = new view.IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) visible.add(entry.target);
        else visible.delete(entry.target);
      }
      // The first chapter in page order that is on screen is the one being read.
      const current = [...links.keys()].find((section) => visible.has(section));
      for (const [section, link] of links) {
        if (section === current) {
          link.setAttribute('aria-current', 'location');
          keepInView(toc as HTMLElement, link);
        } else {
          link.removeAttribute('aria-current');
        }
      }
    },
    { rootMargin: '-20% 0px -60% 0px' },
  );
  for (const section of links.keys()) observer.observe(section);
}

/** Scrolls the (sticky, scrollable) contents so the current link shows, without moving the page. */
function keepInView(toc: HTMLElement, link: HTMLElement): void {
  if (toc.scrollHeight <= toc.clientHeight || link.offsetParent !== toc) return;
  const top = link.offsetTop;
  if (top < toc.scrollTop || top + link.offsetHeight > toc.scrollTop + toc.clientHeight) {
    toc.scrollTop = Math.max(0, top - toc.clientHeight / 3);
  }
}
