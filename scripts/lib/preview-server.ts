/**
 * The HTTP side of `npm start`: serves the last published site folder and
 * tells open pages to reload after each successful rebuild, or shows them
 * the errors of a failed one (server-sent events from the same origin, so
 * the pages' Content-Security-Policy — `script-src 'self'`,
 * `connect-src 'self'` — allows it; see `preview-client.ts`).
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BuildFailure } from './build-failure.ts';
import { contentType, mimeTypes } from './mime-types.ts';
import { previewAssets } from './preview-assets.ts';

/** Where the preview's script, stylesheet and event stream live; no build writes under it. */
const PREFIX = '/__pinggu/';
const RELOAD_TAG = `<script src="${PREFIX}live-reload.js"></script>`;

/** A running preview server. */
export interface PreviewServer {
  /** `http://<host>:<port>`, e.g. `http://127.0.0.1:8080` (IPv6 hosts in brackets). */
  origin: string;
  /** Tells every open page to reload (a rebuild succeeded), and forgets the last failure. */
  reload: () => void;
  /** Shows a failed rebuild's errors in every open page, and in every page opened until the next `reload`. */
  showFailure: (failure: BuildFailure) => void;
  close: () => Promise<void>;
}

/** Escapes text for an HTML page. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Serves `siteDir` on `host` (default `127.0.0.1`, this machine only) and
 * `port` (0 picks a free one). Folders answer with
 * their `index.html`; paths cannot leave the folder; every response is
 * `no-store`. HTML pages get a same-origin reload script before `</body>`,
 * which also shows the banner of a failed rebuild. While no site has been
 * built yet, every page answers 503 with the text of `placeholder()` (the
 * last build error) and reloads when a build succeeds.
 *
 * @example
 * const server = await startPreviewServer({ siteDir: '_site', port: 8080, placeholder: () => '' });
 * server.origin; // 'http://127.0.0.1:8080'
 * server.reload(); // open pages reload
 */
export async function startPreviewServer({
  siteDir,
  port,
  host = '127.0.0.1',
  placeholder,
}: {
  siteDir: string;
  port: number;
  host?: string;
  placeholder: () => string;
}): Promise<PreviewServer> {
  const root = path.resolve(siteDir);
  const assets = await previewAssets();
  const clients = new Set<ServerResponse>();
  // The last failure as an event, sent to each page that connects until a rebuild succeeds.
  let failureEvent: string | undefined;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === `${PREFIX}events`) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      if (failureEvent) res.write(failureEvent);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname === `${PREFIX}live-reload.js`) {
      res.writeHead(200, { 'Content-Type': mimeTypes['.js']!, 'Cache-Control': 'no-store' }).end(assets.script);
      return;
    }
    if (url.pathname === `${PREFIX}preview.css`) {
      res.writeHead(200, { 'Content-Type': mimeTypes['.css']!, 'Cache-Control': 'no-store' }).end(assets.css);
      return;
    }
    try {
      let file = path.join(root, decodeURIComponent(url.pathname));
      if (file !== root && !file.startsWith(root + path.sep)) throw new Error('outside the site');
      if ((await stat(file)).isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = path.join(file, 'index.html');
      }
      const type = contentType(file);
      let body: Buffer = await readFile(file);
      if (type.startsWith('text/html')) body = Buffer.from(body.toString('utf8').replace(/<\/body>/i, `${RELOAD_TAG}</body>`));
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      const exists = await stat(root).then(() => true, () => false);
      if (!exists) {
        const message = placeholder() || '正在构建……';
        res
          .writeHead(503, { 'Content-Type': mimeTypes['.html']!, 'Cache-Control': 'no-store' })
          .end(
            `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>预览尚未就绪</title><body><pre>${escapeHtml(message)}</pre>${RELOAD_TAG}</body></html>`,
          );
        return;
      }
      res.writeHead(404, { 'Content-Type': mimeTypes['.txt']!, 'Cache-Control': 'no-store' }).end('404 未找到');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { address, port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://${address.includes(':') ? `[${address}]` : address}:${actual}`,
    reload: () => {
      failureEvent = undefined;
      for (const client of clients) client.write('event: reload\ndata: {}\n\n');
    },
    showFailure: (failure) => {
      // JSON holds no line break, so the whole failure is one `data:` line.
      failureEvent = `event: build-failed\ndata: ${JSON.stringify(failure)}\n\n`;
      for (const client of clients) client.write(failureEvent);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of clients) client.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
