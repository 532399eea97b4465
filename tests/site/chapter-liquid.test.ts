import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ChapterTemplateError, DEFAULT_CHAPTER_LIMITS, chapterEngine, renderChapterTemplate, textPosition, type ChapterLimits } from '../../src/site/chapter-liquid.ts';
import { markdownSafe } from '../../src/site/markdown-safe.ts';

const report = markdownSafe({
  meta: { title: '评估<报告>&“说明”', year: 2017, principles: ['客观', '公正', '科学'] },
  stats: { counts: { experiences: 20, discontinued: 0 }, awarenessMax: { text: '68.2%' }, share: { value: 0.456 } },
  units: [
    { id: 'zhangdian', name: '张店区', score: 92.456, rank: 1, tied: false },
    { id: 'zichuan', name: '淄川区', score: 88.1, rank: 2, tied: true },
  ],
  unitById: { zhangdian: { name: '张店区' }, constructor: { name: '名为 constructor 的单位' } },
});

const engine = chapterEngine();

function render(text: string, limits?: Partial<ChapterLimits>): string {
  return renderChapterTemplate(limits ? chapterEngine({ ...DEFAULT_CHAPTER_LIMITS, ...limits }) : engine, text, { report });
}

/** The error `render` throws, as `line:column message`. */
function refusal(text: string, limits?: Partial<ChapterLimits>): string {
  try {
    render(text, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(ChapterTemplateError);
    const { line, column, message } = error as ChapterTemplateError;
    return `${line}:${column} ${message}`;
  }
  throw new Error(`rendered: ${text}`);
}

describe('chapterEngine(limits)', () => {
  it("never asks ICU for the machine's locale: no date filter is there to use it", () => {
    const asked = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      const { liquid } = chapterEngine();
      expect(asked).not.toHaveBeenCalled();
      expect(liquid.options.locale).toBe('zh-CN');
      expect(liquid.filters.date).toBeUndefined();
    } finally {
      asked.mockRestore();
    }
  });
});

describe('renderChapterTemplate(engine, text, data)', () => {
  it.each([
    ['a value, escaped', '{{ report.meta.title }}', '评估&lt;报告&gt;&amp;“说明”'],
    ['a quote, escaped', '{{ "a\'b\\"c" }}', 'a&#39;b&#34;c'],
    ['an index and a key', "{{ report.units[1].name }}{{ report.unitById['zhangdian'].name }}", '淄川区张店区'],
    ['an own key that shares a name with a built-in', '{{ report.unitById.constructor.name }}', '名为 constructor 的单位'],
    ['size, first and last', '{{ report.units.size }}{{ report.units.first.name }}{{ report.units.last.name }}', '2张店区淄川区'],
    ['a loop with forloop', '{% for u in report.units %}{{ forloop.index }}.{{ u.name }}{% unless forloop.last %}、{% endunless %}{% endfor %}', '1.张店区、2.淄川区'],
    ['a loop with limit, then reversed', '{% for u in report.units reversed limit: 1 %}{{ u.name }}{% endfor %}', '张店区'],
    ['break and continue', '{% for i in (1..5) %}{% if i == 2 %}{% continue %}{% endif %}{% if i == 4 %}{% break %}{% endif %}{{ i }}{% endfor %}', '13'],
    ['assign and capture', '{% assign n = report.stats.counts.experiences %}{% capture t %}共{{ n }}项{% endcapture %}{{ t }}', '共20项'],
    ['case', '{% case report.units.size %}{% when 1 %}一{% when 2 %}二{% else %}多{% endcase %}', '二'],
    ['if, elsif, else with and/or/not', '{% if report.units.size > 5 or false %}多{% elsif not false and report.meta.year == 2017 %}对{% else %}错{% endif %}', '对'],
    ['an optional value tested in if', '{% if report.stats.awarenessMax %}有{% endif %}{% if report.stats.awarenessMin %}有{% else %}无{% endif %}', '有无'],
    ['zero and empty text as false', '{% if report.stats.counts.discontinued %}有{% else %}无{% endif %}{% if "" %}有{% else %}无{% endif %}', '无无'],
    ['default for an absent value', '{{ report.stats.awarenessMin | default: "—" }}', '—'],
    ['comments', '{% comment %}{{ report.nothing }}{% include "x" %}{% endcomment %}{% # 备注 %}甲', '甲'],
    ['raw text', '{% raw %}{{ report.constructor }}{% endraw %}', '{{ report.constructor }}'],
    ['whitespace control', '甲 {%- assign x = 1 -%}\n\n 乙 {{- "丙" -}} 丁', '甲乙丙丁'],
    ['Liquid string and list filters', '{{ report.meta.principles | join: "、" | append: "。" }}{{ report.units | map: "name" | last }}', '客观、公正、科学。淄川区'],
    ['where and sort', '{{ report.units | where: "tied", true | map: "id" | first }}{{ report.units | sort: "score" | map: "rank" | join: "," }}', 'zichuan2,1'],
    ['site filters, same names as in pages', '{{ report.units[0].score | score: 1 }}{{ report.stats.share.value | percent: 0 }}{{ report.units[1] | rankLabel }}{{ "2018-07-06" | cnDate }}{{ report.units[0].name | cnQuote }}', '92.546%并列第2名2018年7月6日“张店区”'],
    ['math filters', '{{ report.meta.year | plus: 1 | times: 2 | modulo: 7 }}', '4'],
  ])('renders %s', (_, text, expected) => {
    expect(render(text)).toBe(expected);
  });

  it.each([
    ['an unknown value', '甲\n  {{ report.nothing }}', '2:6 报告中没有这个值：report.nothing'],
    ['a missing value above the last step, even in if', '{% if report.stat.awarenessMax %}x{% endif %}', '1:7 报告中没有这个值：report.stat，'],
    ['a missing value above the last step, even with default', '{{ report.stats.awarenessMin.text | default: "—" }}', '1:4 报告中没有这个值：report.stats.awarenessMin，'],
    ['an inherited name', '{{ report.units[0].name.toString }}', '1:4 不能读取对象的内部属性 toString'],
    ['an inherited name inside map', '{{ report.units | map: "constructor" }}', '1:1 不能读取对象的内部属性 constructor'],
    ['a loop variable internal', '\n{% for u in report.units %}{{ forloop.i }}{% endfor %}', '2:31 不能读取对象的内部属性 i'],
    ['an unknown filter', '{{ report.meta.year | upper }}', '1:1 章节中没有过滤器 upper：可用的过滤器见 docs/editing.md'],
    ['a withheld filter', '{{ "now" | date: "%Y" }}', '1:1 章节中没有过滤器 date：日期请用'],
    ['raw output', '{{ report.meta.title | raw }}', '1:1 章节中没有过滤器 raw：输出的值总要转义'],
    ['an unknown tag', '{% frobnicate %}', '1:1 章节中没有 {% frobnicate %} 这个标签'],
    ['a file tag', '甲\n乙{% render "x" %}', '2:2 章节中不能使用 {% render %}：章节不能引用其他文件'],
    ['a counter', '{% increment x %}', '1:1 章节中不能使用 {% increment %}'],
    ['a Nunjucks comment', '甲{# 注 #}', '1:2 注释请写作'],
    ['an unclosed tag', '\n\n{% for u in report.units %}', '3:1 标签或 {{ }} 没有闭合'],
    ['a filter that fails', '{{ report.units[0].score | score: 1000 }}', '1:1 章节模板无法渲染 (小数位数应为 0～20 的整数 (expected decimals from 0 to 20, found 1000))'],
    ['cnQuote given a mapping', '{{ report.units[0] | cnQuote }}', '1:1 章节模板无法渲染 (cnQuote 只能给文字加引号'],
  ])('refuses %s at its line and column, in Chinese', (_, text, expected) => {
    expect(refusal(text)).toContain(expected);
  });

  it.each([
    ['text', { parseChars: 100 }, 'x'.repeat(101), /^1:1 章节过长，超过 100 个字符/],
    ['tags', { maxTags: 3 }, '{{ 1 }}{{ 2 }}\n{{ 3 }}{{ 4 }}', /^2:8 章节中的 \{\{ \}\} 和 \{% %\} 过多，超过 3 个/],
    ['characters in tags', { maxTagChars: 20 }, '{{ 1 }}{{ 2 | plus: 1 | plus: 1 }}', /^1:8 章节中 \{\{ \}\} 和 \{% %\} 里的内容过长/],
    ['nesting', { maxNesting: 2 }, '{% if true %}{% for i in (1..2) %}{% capture x %}{% endcapture %}{% endfor %}{% endif %}', /^1:35 标签嵌套过深，超过 2 层/],
    ['memory', { memoryUnits: 1000 }, '{% for i in (1..100) %}0123456789{% endfor %}x', /^1:24 章节生成的内容过多/],
    ['memory in a capture', { memoryUnits: 1000 }, '{% capture s %}{% for i in (1..200) %}0123456789{% endfor %}{% endcapture %}', /^1:1 章节生成的内容过多/],
    ['memory in a site filter', { memoryUnits: 40 }, '{{ report.units | json | size }}', /^1:1 章节生成的内容过多/],
    ['time', { renderMs: 50 }, '{% for i in (1..1000000) %}{% endfor %}', /^1:1 章节渲染超时/],
  ] as const)('enforces the limit on %s', (_, limits, text, expected) => {
    expect(refusal(text, limits)).toMatch(expected);
  });

  it('places a time limit crossed between two top-level templates at the one that used the time', () => {
    expect(refusal('甲\n{% assign l = (1..5000000) %}\n乙', { renderMs: 5 })).toMatch(/^2:1 章节渲染超时/);
  });

  it('lets nested blocks, comments and raw text up to the nesting limit through', () => {
    const nested = `${'{% if true %}'.repeat(32)}深${'{% endif %}'.repeat(32)}`;
    expect(render(nested)).toBe('深');
    expect(render(`{% comment %}${'{% if true %}'.repeat(40)}{% endcomment %}浅`)).toBe('浅');
  });

  it('renders the same text for the same report every time', () => {
    const text = '{% for u in report.units %}{{ u.name }}{{ u.score | score: 2 }}{% endfor %}{{ report | json | size }}';
    expect(render(text)).toBe(render(text));
  });
});

describe('textPosition(text, offset)', () => {
  it.each([
    ['甲乙', 0, { line: 1, column: 1 }],
    ['甲\n乙丙', 3, { line: 2, column: 2 }],
    ['a\r\nb', 3, { line: 2, column: 1 }],
    ['\n\n', 2, { line: 3, column: 1 }],
  ])('places offset %j of %j', (text, offset, expected) => {
    expect(textPosition(text, offset)).toEqual(expected);
  });

  it('counts one line per line break before the offset and columns from the last one', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '甲', '\n', '\r') }), fc.nat(), (text, n) => {
        const offset = text.length === 0 ? 0 : n % (text.length + 1);
        const before = text.slice(0, offset);
        const { line, column } = textPosition(text, offset);
        expect(line).toBe(before.split('\n').length);
        expect(column).toBe(offset - (before.lastIndexOf('\n') + 1) + 1);
      }),
    );
  });
});
