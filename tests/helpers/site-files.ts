/**
 * Walking a built site: every file, every HTML page, and the URL each page
 * is served at.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every file under `dir`, as sorted forward-slash paths relative to `dir`.
 *
 * @example
 * await listFiles('/tmp/site'); // ['assets/js/site.js', 'index.html', …]
 */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Every HTML page of a built site (Pagefind's own files excluded).
 *
 * @example
 * await htmlPages('/tmp/site'); // ['departments/reform/index.html', 'index.html', …]
 */
export async function htmlPages(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
}

/**
 * The URL path a page file is served at: folders end in `/`.
 *
 * @example
 * pageUrl('units/zhangdian/index.html'); // '/units/zhangdian/'
 * pageUrl('index.html');                 // '/'
 */
export function pageUrl(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * The page file for each page type the standards cover (home, method,
 * downloads and the first experience, unit and department), found in the
 * built site rather than assumed.
 *
 * @example
 * (await pageTypes('/tmp/site')).unit; // 'units/north/index.html'
 */
export async function pageTypes(dir: string): Promise<Record<string, string>> {
  const pages = await htmlPages(dir);
  const first = (prefix: string) => {
    const page = pages.find((p) => p.startsWith(prefix) && p.split('/').length === 3);
    if (!page) throw new Error(`built site has no page under ${prefix}`);
    return page;
  };
  return {
    home: 'index.html',
    method: 'method/index.html',
    experience: first('experiences/'),
    unit: first('units/'),
    department: first('departments/'),
    downloads: 'downloads/index.html',
  };
}
