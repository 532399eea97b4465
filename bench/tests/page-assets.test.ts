import { describe, expect, it } from 'vitest';
import { cssAssetRefs, htmlAssetRefs, jsAssetRefs } from '../page-assets.ts';

describe('htmlAssetRefs(html)', () => {
  it.each([
    { name: 'finds stylesheets and scripts in document order', html: '<link rel="stylesheet" href="/a.css"><script src="/s.js" defer></script>', eager: ['/a.css', '/s.js'] },
    { name: 'ignores JSON data blocks and inline scripts', html: '<script type="application/json">{"a":1}</script><script>x()</script>', eager: [] },
    { name: 'counts preloads and icons but not links to other pages', html: '<link rel="modulepreload" href="/m.js"><link rel="icon" href="/f.svg"><a href="/units/">u</a><link rel="canonical" href="/x/">', eager: ['/m.js', '/f.svg'] },
    { name: 'counts images, without data URLs', html: "<img src='/i.png' alt=''><img src=\"data:image/png;base64,AA\" alt=''>", eager: ['/i.png'] },
    { name: 'skips what is commented out', html: '<!-- <script src="/old.js"></script> --><script src="/new.js"></script>', eager: ['/new.js'] },
    { name: 'lists a file referenced twice once', html: '<script src="/s.js"></script><script src="/s.js"></script>', eager: ['/s.js'] },
  ])('$name', ({ html, eager }) => {
    expect(htmlAssetRefs(html)).toEqual({ eager, lazy: [] });
  });
});

describe('jsAssetRefs(js)', () => {
  it.each([
    { name: 'finds minified static imports', js: 'import{a as b}from"./chunk-AB.js";b()', eager: ['./chunk-AB.js'], lazy: [] },
    { name: 'finds side-effect imports and re-exports', js: 'import "./x.js";\nexport * from "./y.js"', eager: ['./x.js', './y.js'], lazy: [] },
    { name: 'treats import() as lazy', js: 'btn.onclick=async()=>{await import("/pagefind/pagefind.js")}', eager: [], lazy: ['/pagefind/pagefind.js'] },
    { name: 'ignores bare specifiers and import.meta', js: 'import x from "chart.js";console.log(import.meta.url)', eager: [], lazy: [] },
  ])('$name', ({ js, eager, lazy }) => {
    expect(jsAssetRefs(js)).toEqual({ eager, lazy });
  });
});

describe('cssAssetRefs(css)', () => {
  it('finds @import and url() but not data URLs', () => {
    expect(cssAssetRefs('@import "print.css";a{background:url(/i.png)}b{background:url(data:image/png;base64,AA)}')).toEqual({
      eager: ['print.css', '/i.png'],
      lazy: [],
    });
  });
});
