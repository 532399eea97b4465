import { describe, expect, it } from 'vitest';
import { leftOutSelectors, withoutLeftOutFigures } from '../../scripts/lib/left-out-figures.ts';

const table = '<div class="table-scroll"><table><tbody><tr><th scope="row">张店区</th><td>94.04</td></tr></tbody></table></div>';

describe('leftOutSelectors', () => {
  it('names the insides of score tables and charts but their captions', () => {
    expect(leftOutSelectors).toEqual(['figure.table-figure > :not(figcaption)', 'figure.chart > :not(figcaption)']);
  });
});

describe('withoutLeftOutFigures(html)', () => {
  it.each([
    ['a table figure', `<p>前</p><figure class="table-figure" id="annex-1-table">\n<figcaption>综合<wbr>排名表</figcaption>\n${table}\n</figure><p>后</p>`, '<p>前</p><figure class="table-figure" id="annex-1-table">\n<figcaption>综合<wbr>排名表</figcaption></figure><p>后</p>'],
    [
      'a chart with its JSON, void elements and a comment',
      '<figure class="chart" data-pagefind-title="得分"><figcaption data-pagefind-weight="5">得分</figcaption><div hidden><canvas></canvas></div><br><img src="x.png" /><!-- a > b --><script type="application/json">{"t":"</figure>"}</script></figure>',
      '<figure class="chart" data-pagefind-title="得分"><figcaption data-pagefind-weight="5">得分</figcaption></figure>',
    ],
    ['a caption opened on its own line', `<figure class="chart">\n<figcaption\r\nclass="c">甲</figcaption>${table}</figure>`, '<figure class="chart">\n<figcaption\r\nclass="c">甲</figcaption></figure>'],
    ['two figures', `<figure class="chart"><figcaption>甲</figcaption>${table}</figure><figure class="table-figure"><figcaption>乙</figcaption>${table}</figure>`, '<figure class="chart"><figcaption>甲</figcaption></figure><figure class="table-figure"><figcaption>乙</figcaption></figure>'],
  ])('cuts %s after the caption', (_, html, cut) => {
    expect(withoutLeftOutFigures(html)).toBe(cut);
  });

  it.each([
    ['a page without figures', '<main><h1>评估</h1><p>正文</p></main>'],
    ['another figure class', `<figure class="photo"><figcaption>图</figcaption>${table}</figure>`],
    ['a class list longer than the one name', `<figure class="chart wide"><figcaption>图</figcaption>${table}</figure>`],
    ['a caption that does not come first', `<figure class="chart">${table}<figcaption>图</figcaption></figure>`],
    ['no caption', `<figure class="table-figure">${table}</figure>`],
    ['text beside the elements after the caption', `<figure class="chart"><figcaption>图</figcaption>注：${table}</figure>`],
    ['an entity beside them', `<figure class="chart"><figcaption>图</figcaption>&nbsp;${table}</figure>`],
    ['a raw-text element not written in lower case', '<figure class="chart"><figcaption>图</figcaption><SCRIPT>x</SCRIPT></figure><p>后</p><script></script></figure>'],
    ['a no-break space beside them', `<figure class="chart"><figcaption>图</figcaption>\u00a0${table}</figure>`],
    ['a full-width space beside them', `<figure class="chart"><figcaption>图</figcaption>\u3000${table}</figure>`],
    ['an end tag that is not the figure\'s', `<figure class="chart"><figcaption>图</figcaption>${table}</figure x>`],
    ['a figure inside', `<figure class="chart"><figcaption>图</figcaption><div><figure><p>内</p></figure></div></figure>`],
    ['a second caption', `<figure class="chart"><figcaption>图</figcaption><figcaption>又</figcaption></figure>`],
    ['a Pagefind attribute inside', `<figure class="chart"><figcaption>图</figcaption><p data-pagefind-meta="x">元</p></figure>`],
    ['an end tag that closes something else', `<section><figure class="chart"><figcaption>图</figcaption><div></section>`],
    ['a figure never closed', `<figure class="chart"><figcaption>图</figcaption>${table}`],
    ['a caption never closed', `<figure class="chart"><figcaption>图${table}</figure>`],
    ['a comment never closed', `<figure class="chart"><figcaption>图</figcaption><!-- ${table}</figure>`],
    ['a script never closed', `<figure class="chart"><figcaption>图</figcaption><script>${table}</figure>`],
    ['an opening tag never closed', '<figure class="chart"'],
  ])('leaves %s to Pagefind', (_, html) => {
    expect(withoutLeftOutFigures(html)).toBe(html);
  });

  it('still cuts the figures after one it leaves', () => {
    const left = `<figure class="chart"><figcaption>图</figcaption>说明${table}</figure>`;
    expect(withoutLeftOutFigures(`${left}<figure class="chart"><figcaption>乙</figcaption>${table}</figure>`)).toBe(`${left}<figure class="chart"><figcaption>乙</figcaption></figure>`);
  });

  it('takes time in proportion to the page, also for a page of unfinished figures', () => {
    const hostile = '<figure class="chart"><figcaption>图</figcaption><div>'.repeat(20_000);
    const started = performance.now();
    expect(withoutLeftOutFigures(hostile)).toBe(hostile);
    expect(withoutLeftOutFigures('<figure class="'.repeat(50_000))).toBe('<figure class="'.repeat(50_000));
    const deep = `<figure class="chart"><figcaption>图</figcaption>${'<p class="x">'.repeat(100_000)}`;
    expect(withoutLeftOutFigures(deep)).toBe(deep);
    const wide = `<figure class="chart"><figcaption>图</figcaption><div ${'x'.repeat(200_000)}></div></figure>`.repeat(3);
    expect(withoutLeftOutFigures(wide)).toBe('<figure class="chart"><figcaption>图</figcaption></figure>'.repeat(3));
    // Quadratic scanning would take minutes here; linear takes milliseconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
