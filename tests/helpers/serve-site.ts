/**
 * A tiny static file server for tests: serves a built site on 127.0.0.1 on
 * a free port, the way a plain web server would (folder → index.html, 404
 * for anything missing), with the MIME types the site and Pagefind need.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contentType } from '../../scripts/lib/mime-types.ts';

/** A running server; `close()` stops it. */
export interface ServedSite {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serves `dir` over HTTP on 127.0.0.1 and a free port. Paths are decoded,
 * kept inside `dir` (a `..` escape is a 404), folders answer with their
 * `index.html`, and a folder URL without its trailing slash redirects the
 * way static hosts do.
 *
 * @example
 * const { origin, close } = await serveSite('/tmp/site');
 * await fetch(`${origin}/`); // 200, the home page
 * await close();
 */
export async function serveSite(dir: string): Promise<ServedSite> {
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let file = path.join(root, decodeURIComponent(url.pathname));
      if (file !== root && !file.startsWith(root + path.sep)) throw new Error('outside root');
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = path.join(file, 'index.html');
        info = await stat(file);
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': contentType(file),
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 未找到');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
