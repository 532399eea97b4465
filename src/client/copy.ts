/**
 * The 复制 buttons for newspaper staff: one beside every section heading
 * (h2, h3) and every table in `main`. A section copies as clean text and as
 * structural HTML (headings, paragraphs, lists, tables), both with a
 * closing 来源 line, so it pastes into Word with its headings; a table
 * copies as tab-separated rows (`text/plain`) and as a table (`text/html`),
 * so it pastes as a table into Excel, WPS and Word. The result is announced as 已复制 in a polite live region, and the
 * button shows 已复制 for two seconds. Native buttons: Enter and Space work
 * and focus stays on the button.
 */
import { EXCLUDED, sectionFlavours, tableFlavours } from './copy-text.ts';

/** How long the button says 已复制. */
const CONFIRM_MS = 2000;

/** The shared polite status region (also used by the heading links). */
function statusRegion(doc: Document): HTMLElement {
  let region = doc.getElementById('copy-status');
  if (!region) {
    region = doc.createElement('p');
    region.id = 'copy-status';
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    doc.body.append(region);
  }
  region.setAttribute('aria-live', 'polite');
  return region;
}

/** A button reading 复制 whose accessible name is 复制本节 or 复制表格. */
function copyButton(doc: Document, what: '本节' | '表格', describedBy: string | null): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'copy-button';
  button.dataset.copy = what === '本节' ? 'section' : 'table';
  // The visible word 复制 starts the accessible name (WCAG 2.5.3, label in name).
  button.setAttribute('aria-label', `复制${what}`);
  const label = doc.createElement('span');
  label.className = 'copy-label';
  label.textContent = '复制';
  button.append(label);
  if (describedBy) button.setAttribute('aria-describedby', describedBy);
  return button;
}

/**
 * Writes text, or text and HTML, to the clipboard: both flavours through a
 * `ClipboardItem`; where the browser has none or refuses it, both through a
 * `copy` event (`execCommand('copy')`, still inside the click); text only
 * when neither works.
 */
async function writeClipboard(win: Window, plain: string, html?: string): Promise<void> {
  const clipboard = win.navigator.clipboard;
  const Item = (win as Window & { ClipboardItem?: typeof ClipboardItem }).ClipboardItem;
  if (html !== undefined && Item && clipboard?.write) {
    try {
      await clipboard.write([
        new Item({
          'text/plain': new Blob([plain], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
      return;
    } catch {
      // Some browsers refuse text/html: the plain text still pastes.
    }
  }
  if (html !== undefined && copyByCommand(win.document, plain, html)) return;
  if (!clipboard) throw new Error('clipboard unavailable');
  await clipboard.writeText(plain);
}

/** Puts both flavours on the clipboard through a `copy` event; false when the browser fires none. */
function copyByCommand(doc: Document, plain: string, html: string): boolean {
  let written = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', plain);
    event.clipboardData.setData('text/html', html);
    event.preventDefault();
    written = true;
  };
  doc.addEventListener('copy', onCopy, true);
  try {
    doc.execCommand('copy');
  } catch {
    written = false;
  } finally {
    doc.removeEventListener('copy', onCopy, true);
  }
  return written;
}

/** Shows the outcome on the button and in the live region. */
function confirm(button: HTMLButtonElement, status: HTMLElement, ok: boolean): void {
  const win = button.ownerDocument.defaultView;
  const label = button.querySelector('.copy-label');
  const what = button.dataset.copy === 'table' ? '表格' : '本节';
  status.textContent = '';
  // A fresh text node after clearing makes screen readers announce a repeated message.
  win?.setTimeout(() => {
    status.textContent = ok ? `已复制${what}` : '复制失败，请选中文字后按 Ctrl+C 复制';
  }, 50);
  if (!ok || !label) return;
  label.textContent = '已复制';
  button.setAttribute('aria-label', `已复制${what}`);
  button.dataset.copied = 'true';
  win?.clearTimeout(Number(button.dataset.timer ?? 0));
  button.dataset.timer = String(
    win?.setTimeout(() => {
      label.textContent = '复制';
      button.setAttribute('aria-label', `复制${what}`);
      delete button.dataset.copied;
    }, CONFIRM_MS) ?? 0,
  );
}

/** True when `el` sits inside something hidden or decorative. */
function excluded(el: Element): boolean {
  return el.closest(EXCLUDED) !== null;
}

/**
 * Adds the copy buttons to the page and handles their clicks. Running it
 * twice adds nothing more. Headings that are visually hidden or inside
 * navigation get no button.
 *
 * @example
 * initCopy(document); // every h2/h3 and table in main now has a 复制 button
 */
export function initCopy(doc: Document): void {
  const main = doc.querySelector('main');
  const win = doc.defaultView;
  if (!main || !win || main.dataset.copyReady) return;
  main.dataset.copyReady = 'true';
  const status = statusRegion(doc);

  for (const heading of Array.from(main.querySelectorAll<HTMLElement>('h2, h3'))) {
    if (excluded(heading) || heading.closest('figure, details, .toc')) continue;
    const button = copyButton(doc, '本节', heading.id || null);
    const wrapper = heading.parentElement?.classList.contains('heading') ? heading.parentElement : null;
    if (wrapper) wrapper.append(button);
    else heading.after(button);
  }

  for (const table of Array.from(main.querySelectorAll<HTMLTableElement>('table'))) {
    if (excluded(table)) continue;
    const figure = table.closest('figure.table-figure');
    const caption = figure?.querySelector('figcaption') ?? table.caption;
    if (caption && !caption.id) caption.id = `copy-caption-${Math.random().toString(36).slice(2, 9)}`;
    const button = copyButton(doc, '表格', caption?.id ?? null);
    const bar = doc.createElement('div');
    bar.className = 'copy-bar';
    bar.append(button);
    const scroll = table.closest('.table-scroll');
    (scroll ?? table).before(bar);
  }

  main.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.('button.copy-button');
    if (!(button instanceof win.HTMLButtonElement)) return;
    const job = button.dataset.copy === 'table' ? tableJob(button) : sectionJob(button);
    if (!job) return;
    writeClipboard(win, job.plain, job.html).then(
      () => confirm(button, status, true),
      () => confirm(button, status, false),
    );
  });
}

/** The section a section button belongs to, as text and as structural HTML. */
function sectionJob(button: HTMLButtonElement): { plain: string; html?: string } | null {
  const wrapper = button.parentElement;
  const heading = wrapper?.matches('h2, h3') ? wrapper : (wrapper?.querySelector<HTMLElement>('h2, h3') ?? button.previousElementSibling);
  if (!(heading instanceof HTMLElement)) return null;
  return sectionFlavours(heading);
}

/** The table a table button belongs to, in both flavours. */
function tableJob(button: HTMLButtonElement): { plain: string; html?: string } | null {
  const next = button.closest('.copy-bar')?.nextElementSibling ?? null;
  const table = next?.matches('table') ? next : next?.querySelector('table');
  return table ? tableFlavours(table as HTMLTableElement) : null;
}
