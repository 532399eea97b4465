/** Content types of everything a build writes, for the servers that serve a built site. */

/**
 * MIME types by file extension: the pages, their assets, the downloads,
 * and Pagefind's own binary files. Anything else is served as
 * `application/octet-stream`.
 *
 * @example
 * mimeTypes['.wasm']; // 'application/wasm'
 * mimeTypes['.csv'];  // 'text/csv; charset=utf-8'
 */
export const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The content type of a file by its name.
 *
 * @example
 * contentType('pagefind/pagefind.js'); // 'text/javascript; charset=utf-8'
 * contentType('index.pf_meta');        // 'application/octet-stream'
 */
export function contentType(file: string): string {
  const dot = file.lastIndexOf('.');
  return (dot >= 0 ? mimeTypes[file.slice(dot).toLowerCase()] : undefined) ?? 'application/octet-stream';
}
