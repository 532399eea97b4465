import { describe, expect, it } from 'vitest';
import { contentType } from '../../scripts/lib/mime-types.ts';

describe('contentType(file)', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/js/site.0123456789.js', 'text/javascript; charset=utf-8'],
    ['downloads/annex-1.CSV', 'text/csv; charset=utf-8'],
    ['pagefind/wasm.zh.pagefind', 'application/octet-stream'],
    ['pagefind/pagefind.wasm', 'application/wasm'],
    ['downloads/report.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['downloads/annexes.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['README', 'application/octet-stream'],
    ['archive.unknown', 'application/octet-stream'],
  ])('serves %s as %s', (file, type) => {
    expect(contentType(file)).toBe(type);
  });
});
