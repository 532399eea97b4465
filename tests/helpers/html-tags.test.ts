import { describe, expect, it } from 'vitest';
import { decodeEntities, startTags, visibleText } from './html-tags.ts';

describe('startTags(html)', () => {
  it('lists start tags in order with lower-cased names and decoded attribute values', () => {
    const tags = startTags('<P ID="a" title=\'x &amp; y\' hidden><A href=/u/>z</A>');
    expect(tags.map((t) => t.name)).toEqual(['p', 'a']);
    expect(Object.fromEntries(tags[0]!.attrs)).toEqual({ id: 'a', title: 'x & y', hidden: '' });
    expect(tags[1]!.attrs.get('href')).toBe('/u/');
  });

  it('skips comments', () => {
    expect(startTags('<!-- <script>alert(1)</script> --><p>')).toHaveLength(1);
  });

  it('does not read markup inside a script, style, title or textarea', () => {
    const tags = startTags('<title>&lt;img&gt; <b></title><script type="application/json">{"a":"<img src=x>"}</script><p>');
    expect(tags.map((t) => t.name)).toEqual(['title', 'script', 'p']);
    expect(tags[1]!.text).toBe('{"a":"<img src=x>"}');
  });

  it('ends a script at the first </script>, as a browser does, exposing what follows', () => {
    const tags = startTags('<script type="application/json">{"a":"</script><img src=x onerror=alert(1)>"}</script>');
    expect(tags.map((t) => t.name)).toEqual(['script', 'img']);
    expect(tags[1]!.attrs.get('onerror')).toBe('alert(1)');
  });

  it('ignores a lone < that starts no tag', () => {
    expect(startTags('a < b <3 <p>')).toHaveLength(1);
  });
});

describe('decodeEntities(text)', () => {
  it.each([
    ['&lt;script&gt;', '<script>'],
    ['&quot;&#39;&apos;&amp;', `"''&`],
    ['&#x3C;&#60;', '<<'],
    ['&unknown; &', '&unknown; &'],
  ])('decodes %s to %s', (input, output) => {
    expect(decodeEntities(input)).toBe(output);
  });
});

describe('visibleText(html)', () => {
  it('drops tags, comments, scripts and styles and decodes references', () => {
    expect(visibleText('<p>a&lt;b&gt;</p><!-- c --><script>d</script><style>e</style>').trim()).toBe('a<b>');
  });
});
