/**
 * The `chart` macro (templates/_includes/chart.njk) rendered with Nunjucks
 * as the site renders it: autoescape on, the site's filters registered the
 * way the pinggu plugin (`src/site/plugin.ts`) registers them, and its views.
 */
import path from 'node:path';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { chartData, chartSpec } from '../../../src/site/charts/index.ts';
import type { ChartSpec } from '../../../src/model/chart-spec.ts';
import { filters, safeFilters } from '../../../src/site/filters/index.ts';
import { views } from '../../../src/site/views/index.ts';
import { HOSTILE, makeReport } from './report-fixture.ts';

const includes = path.resolve(import.meta.dirname, '../../../templates/_includes');

function render(spec: ChartSpec | null, tableRef?: string): string {
  const env = new (nunjucks as any).Environment(new (nunjucks as any).FileSystemLoader(includes), {
    autoescape: true,
    trimBlocks: true,
    lstripBlocks: true,
  });
  for (const [name, fn] of Object.entries(filters)) {
    const filter = fn as (...args: unknown[]) => string;
    env.addFilter(name, safeFilters.has(name) ? (...args: unknown[]) => new nunjucks.runtime.SafeString(filter(...args)) : filter);
  }
  for (const [name, view] of Object.entries(views)) env.addFilter(name, view);
  return env.renderString('{% from "chart.njk" import chart %}{{ chart(spec, tableRef) }}', { spec, tableRef });
}

/** The text of the JSON block, parsed the way the browser script parses it. */
function dataBlock(html: string): unknown {
  const match = /<script type="application\/json" class="chart-data">([\s\S]*?)<\/script>/.exec(html);
  expect(match, 'a chart-data block').not.toBeNull();
  return JSON.parse(match![1]!);
}

describe('the chart macro', () => {
  const spec = chartSpec(makeReport(), 'unit-ranking')!;
  const html = render(spec);

  it('renders a figure with a caption (a search section of its own, titled by it), an image-role canvas labelled from the data, and a hidden download button', () => {
    expect(html).toContain('<figure class="chart" id="chart-unit-ranking" data-chart-id="unit-ranking" data-pagefind-title="各单位综合得分排名">');
    expect(html).toContain('<figcaption class="chart-title" id="chart-unit-ranking-title" data-pagefind-weight="5">各单位<wbr>综合<wbr>得分<wbr>排名</figcaption>');
    expect(html).toMatch(/<div class="chart-canvas-wrap chart--bars-\d+" hidden>\s*<canvas class="chart-canvas" role="img" aria-label="横向柱状图：各单位综合得分排名，最高为甲区（96.12分）/);
    expect(html).toContain('<button type="button" class="chart-download" hidden>下载图片</button>');
  });

  it('holds every number of the chart in an open data table, label cells as row headers', () => {
    expect(html).toContain('<details class="chart-table" open>');
    for (const text of spec.valueTexts) expect(html).toContain(`<td class="num">${text}</td>`);
    expect(html).toContain('<th scope="row">甲区</th>');
    expect(html).toMatch(/<td>2<\/td>\s*<td>并列<\/td>/);
  });

  it('keeps a hostile name inert everywhere: attribute, table and JSON block', () => {
    expect(html).not.toContain('<script>alert(1)');
    expect(html.match(/<\/canvas>/g)).toHaveLength(1);
    expect(html.match(/<canvas/g)).toHaveLength(1);
    // Exactly one script element, the JSON block, and it parses back to the spec.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;/canvas&gt;');
    expect(dataBlock(html)).toEqual(JSON.parse(JSON.stringify(chartData(spec))));
    expect((dataBlock(html) as ChartSpec).labels).toContain(HOSTILE);
  });

  it('marks flagged rows and shows the legend for a chart with discontinued items', () => {
    const scores = render(chartSpec(makeReport(), 'experience-scores'));
    expect(scores).toContain('<p class="chart-legend"><span class="chart-swatch" aria-hidden="true"></span>斜线条：未持续推广</p>');
    expect(scores.match(/<tr class="is-discontinued">/g)).toHaveLength(1);
    expect(html).not.toContain('chart-legend');
  });

  it('carries the axis note, hidden until the chart is drawn', () => {
    expect(html).toContain(`<p class="chart-axis-note table-note" hidden>${spec.axisNote}</p>`);
    const awareness = render(chartSpec(makeReport(), 'awareness'));
    expect(awareness).not.toContain('chart-axis-note');
  });

  it('gives a rank-interval chart the legend of its marks, hidden until it is drawn, and its table with a row per bar', () => {
    const intervals = chartSpec(makeReport(), 'unit-intervals')!;
    const rendered = render(intervals);
    expect(rendered).toContain(
      '<p class="chart-legend chart-keys" hidden><span class="chart-key-item"><span class="chart-key chart-key--range" aria-hidden="true"></span>横条：90%区间</span>' +
        '<span class="chart-key-item"><span class="chart-key chart-key--median" aria-hidden="true"></span>圆点：中位排名</span>' +
        '<span class="chart-key-item"><span class="chart-key chart-key--base" aria-hidden="true"></span>竖线：报告排名</span></p>',
    );
    expect(rendered.match(/<tbody>[\s\S]*<\/tbody>/)?.[0].match(/<tr\b/g)).toHaveLength(intervals.labels.length);
    expect(rendered).toContain('<td class="num">1～3</td>');
    expect(dataBlock(rendered)).toEqual(JSON.parse(JSON.stringify(chartData(intervals))));
    expect(html).not.toContain('chart-keys');
  });

  it('shows the note when the spec has one', () => {
    const departments = render(chartSpec(makeReport(), 'department-scores'));
    expect(departments).toContain('<p class="chart-note table-note">未牵头评估经验、不参与排名：市丙办。</p>');
  });

  it('puts the size class that reserves the chart’s height on the canvas area', () => {
    expect(html).toContain(`<div class="chart-canvas-wrap ${spec.sizeClass}" hidden>`);
    const { sizeClass: _dropped, ...unsized } = spec;
    expect(render(unsized)).toContain('<div class="chart-canvas-wrap" hidden>');
  });

  describe('with a table reference', () => {
    const units = chartSpec(makeReport(), 'experience-units', 'second')!;
    const referring = render(units, 'experience-units-table');

    it('carries no table of its own but a visible link to the referenced one', () => {
      expect(referring).not.toContain('<details');
      expect(referring).not.toContain('<table');
      expect(referring).toContain('<p class="chart-table-ref">数据见<a href="#experience-units-table">下表</a>。</p>');
    });

    it('points the canvas at the referenced table and keeps the data block', () => {
      expect(referring).toMatch(/<canvas class="chart-canvas" role="img" aria-label="[^"]+" aria-details="experience-units-table"><\/canvas>/);
      expect(dataBlock(referring)).toEqual(JSON.parse(JSON.stringify(chartData(units))));
      expect(referring.match(/甲区/g), 'each unit name once: label in the data block, aria-label').toHaveLength(2);
    });

    it('keeps its own table when no reference is given', () => {
      expect(render(units)).toContain('<details class="chart-table" open>');
      expect(render(units)).not.toContain('aria-details');
    });
  });

  it('renders nothing for a missing chart', () => {
    expect(render(null).trim()).toBe('');
  });

  it('carries no inline style and no inline event handler', () => {
    const all = ['unit-ranking', 'department-scores', 'experience-scores', 'awareness', 'unit-intervals', 'experience-intervals'].map((name) => render(chartSpec(makeReport(), name))).join('');
    expect(all).not.toMatch(/\sstyle=/);
    expect(all).not.toMatch(/\son[a-z]+=/);
  });
});
