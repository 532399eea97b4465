/**
 * The browser side of `npm start`, served as `/__pinggu/live-reload.js` to
 * every page the preview serves (never part of the built site). It reloads
 * the page after a successful rebuild, and while the last rebuild failed it
 * shows a banner with every error (file, line, field, Chinese message) at
 * the top of the page, so an editor sees at once that the page is stale.
 *
 * The banner lives in a shadow root, styled by `/__pinggu/preview.css`
 * (the pages' Content-Security-Policy allows same-origin stylesheets only,
 * no inline styles), and is built with `textContent` only, so nothing in a
 * message can become markup.
 */
import type { BuildFailure, BuildProblem } from './build-failure.ts';

const HOST_ID = 'pinggu-build-failure';

const events = new EventSource('/__pinggu/events');
events.addEventListener('reload', () => location.reload());
events.addEventListener('build-failed', (event) => showFailure(JSON.parse((event as MessageEvent<string>).data) as BuildFailure));

/** Shows the banner for `failure`, replacing the one shown before. */
function showFailure(failure: BuildFailure): void {
  let host = document.getElementById(HOST_ID);
  if (!host) {
    host = document.createElement('div');
    host.id = HOST_ID;
    host.attachShadow({ mode: 'open' });
    document.body.prepend(host);
  }
  const root = host.shadowRoot!;
  const expanded = root.querySelector('button')?.getAttribute('aria-expanded') !== 'false';
  root.replaceChildren(stylesheet(), banner(failure, expanded));
}

function stylesheet(): HTMLLinkElement {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/__pinggu/preview.css';
  return link;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function banner(failure: BuildFailure, expanded: boolean): HTMLElement {
  const section = element('section', 'banner');
  section.setAttribute('role', 'alert');
  section.setAttribute('aria-label', '构建失败');

  const head = element('div', 'head');
  const title = element('p', 'title');
  title.append(element('strong', '', `构建失败：${failure.total} 处错误，网站未更新。`), ' 页面仍是上一次成功构建的版本；改正后保存，页面会自动刷新。');
  const toggle = element('button', 'toggle', expanded ? '收起' : '展开');
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', String(expanded));
  toggle.setAttribute('aria-controls', 'problems');
  head.append(title, toggle);

  const list = element('ol', 'problems');
  list.id = 'problems';
  list.hidden = !expanded;
  for (const problem of failure.problems) list.append(item(problem));
  toggle.addEventListener('click', () => {
    const open = list.hidden;
    list.hidden = !open;
    toggle.textContent = open ? '收起' : '展开';
    toggle.setAttribute('aria-expanded', String(open));
  });

  section.append(head, list);
  if (failure.total > failure.problems.length) {
    section.append(element('p', 'more', `另有 ${failure.total - failure.problems.length} 处错误，请在终端查看。`));
  }
  return section;
}

function item(problem: BuildProblem): HTMLLIElement {
  const li = element('li', 'problem');
  if (problem.file) {
    const place = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
    li.append(element('code', 'where', place));
    if (problem.line !== undefined) li.append(element('span', 'line', `第 ${problem.line} 行`));
  }
  if (problem.field) li.append(element('code', 'field', problem.field));
  li.append(element('span', 'message', problem.message));
  return li;
}
