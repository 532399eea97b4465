/**
 * Chapters are data, not code. Whoever can change a file in `content/` must
 * not be able to run a command, read a file or the environment, reach a
 * prototype or constructor, make the build depend on the clock, or hold it
 * for unbounded time or memory. Each hostile chapter below is refused with
 * its file, the line and column in the file and a Chinese message, or is
 * rendered as the literal text it is; none writes the proof file its
 * payload aims at. One whole build through `buildSite` shows a hostile
 * chapter fails the build, leaves the published site byte-identical and
 * leaves no staging folder.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build.ts';
import { loadReport } from '../../src/model/load-report.ts';
import type { Report } from '../../src/model/types.ts';
import { chapterEngine } from '../../src/site/chapter-liquid.ts';
import { ChapterError, renderChapter } from '../../src/site/render-chapters.ts';
import { editionDirs } from '../helpers/built-site.ts';
import { hashTree, treeDifferences } from '../helpers/tree-hash.ts';

let work = '';
let proof = '';
let report: Report;
const env = chapterEngine();

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pinggu-chapter-templates-'));
  proof = path.join(work, 'PROOF');
  report = await loadReport({ dataDir: editionDirs('small').data });
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The line every payload is written on: after three lines of front matter and 29 of prose. */
const LINE = 33;

/** A chapter whose line 33 is `payload`. */
function chapter(payload: string): string {
  return `---\ntitle: 敌意章节\n---\n${'正文。\n'.repeat(LINE - 4)}${payload}\n`;
}

/** Renders a hostile chapter: its HTML, or the message it was refused with, and how long it took. */
function attempt(payload: string): { html?: string; refusal?: string; ms: number } {
  const started = performance.now();
  try {
    const { html } = renderChapter('content/99-hostile.md', chapter(payload.replaceAll('PROOF', proof)), { slug: 'hostile', order: 99, report, env });
    return { html, ms: performance.now() - started };
  } catch (error) {
    expect(error).toBeInstanceOf(ChapterError);
    return { refusal: (error as ChapterError).message, ms: performance.now() - started };
  }
}

/** What a refusal must look like: file, line, any column, the field, then Chinese first. */
function refusedAt(line: number, field = 'template'): RegExp {
  return new RegExp(`^content/99-hostile\\.md:${line}:\\d+ ${field}: [\\u4e00-\\u9fff]`);
}

/** Hostile chapters by class: the payload on line 33 and what its refusal says (after file, line and field). */
const refused: ReadonlyArray<readonly [cls: string, payload: string, says: RegExp]> = [
  // A function call: Liquid has no call syntax, and nothing in a chapter is a function.
  ['function call', `{{ cycler.constructor("return process.getBuiltinModule('fs').writeFileSync('PROOF','x')")() }}`, /语法错误|没有这个值/],
  ['function call', '{{ range(10) }}', /语法错误/],
  ['function call', '{{ joiner() }}', /语法错误/],
  ['function call', '{{ report.meta.title.toUpperCase() }}', /语法错误/],
  ['function call', '{{ report.units.map }}', /内部属性 map/],
  ['function call', '{{ report.meta.title.toString }}', /内部属性 toString/],
  ['function call', '{{ report.stats.counts.units.toFixed }}', /内部属性 toFixed/],
  // Constructors and prototypes, every spelling.
  ['constructor reach', '{{ cycler.constructor }}', /没有这个值：cycler/],
  ['constructor reach', '{{ joiner }}', /没有这个值：joiner/],
  ['constructor reach', '{{ range }}', /没有这个值：range/],
  ['constructor reach', "{{ ''.constructor }}", /内部属性 constructor/],
  ['constructor reach', '{{ "".constructor.constructor }}', /内部属性 constructor/],
  ['constructor reach', '{{ report.constructor }}', /内部属性 constructor/],
  ['constructor reach', '{{ report["constructor"] }}', /内部属性 constructor/],
  ['constructor reach', "{{ report['__proto__'] }}", /内部属性 __proto__/],
  ['constructor reach', '{{ report.__proto__.constructor }}', /内部属性 __proto__/],
  ['constructor reach', '{{ report.units.constructor }}', /内部属性 constructor/],
  ['constructor reach', '{{ report.units[0].constructor.name }}', /内部属性 constructor/],
  ['constructor reach', '{{ report.units.prototype }}', /内部属性 prototype/],
  ['constructor reach', '{{ report.unitById.hasOwnProperty }}', /内部属性 hasOwnProperty/],
  ['constructor reach', '{{ report.units.__defineGetter__ }}', /内部属性 __defineGetter__/],
  ['constructor reach', '{% assign k = "constructor" %}{{ report[k] }}', /内部属性 constructor/],
  ['constructor reach', '{% capture k %}__proto__{% endcapture %}{{ report.meta[k] }}', /内部属性 __proto__/],
  ['constructor reach', '{{ constructor }}', /内部属性 constructor/],
  ['constructor reach', '{{ __proto__ }}', /内部属性 __proto__/],
  ['constructor reach', '{{ empty.constructor }}', /内部属性 constructor/],
  ['constructor reach', '{% for u in report.units %}{{ forloop.__proto__ }}{% endfor %}', /内部属性 __proto__/],
  ['constructor reach', '{% for u in report.units %}{{ forloop.constructor }}{% endfor %}', /内部属性 constructor/],
  ['constructor reach', '{% for u in report.units %}{{ forloop.next }}{% endfor %}', /内部属性 next/],
  // Filters given what they could call or climb.
  ['filter given a function', '{{ report.units | map: "constructor" | first }}', /内部属性 constructor/],
  ['filter given a function', '{{ report.units | map: "toString" | join }}', /内部属性 toString/],
  ['filter given a function', '{{ report.units | where: "__proto__" | size }}', /内部属性 __proto__/],
  ['filter given a function', '{{ report.units | sort: "constructor.name" | size }}', /内部属性 constructor/],
  ['filter given a function', '{{ report.units | where_exp: "u", "u.constructor" | size }}', /内部属性 constructor/],
  ['filter given a function', '{{ report.units | group_by: "__proto__" | size }}', /内部属性 __proto__/],
  ['filter given a function', '{{ report.units | sum: "valueOf" }}', /内部属性 valueOf/],
  ['filter given a function', '{{ report.units | map: "map" | size }}', /内部属性 map/],
  // Files, absolute, relative and through `..`, under every tag that could read one.
  ['file include', '{% include "/etc/passwd" %}', /不能使用 \{% include %\}/],
  ['file include', "{% include '../data/units.yaml' %}", /不能使用 \{% include %\}/],
  ['file include', '{% include report.meta.title %}', /不能使用 \{% include %\}/],
  ['file include', '{% render "../../package.json" %}', /不能使用 \{% render %\}/],
  ['file include', '{% layout "/etc/hostname" %}', /不能使用 \{% layout %\}/],
  ['file include', '{% block main %}x{% endblock %}', /不能使用 \{% block %\}/],
  ['file include', '{% extends "base.njk" %}', /不能使用 \{% extends %\}/],
  ['file include', '{% import "macros.njk" as m %}', /不能使用 \{% import %\}/],
  ['file include', '{% liquid include "x" %}', /不能使用 \{% liquid %\}/],
  ['file include', '{% if true %}{% include "a" %}{% endif %}', /不能使用 \{% include %\}/],
  // The environment and the process.
  ['environment', '{{ process.env.HOME }}', /没有这个值：process/],
  ['environment', '{{ globalThis.process }}', /没有这个值：globalThis/],
  ['environment', '{{ env }}', /没有这个值：env/],
  ['environment', '{{ require }}', /没有这个值：require/],
  ['environment', '{{ report.constructor.constructor }}', /内部属性 constructor/],
  // The clock and chance: a build must not depend on when or how often it runs.
  ['time', '{{ "now" | date: "%Y" }}', /没有过滤器 date/],
  ['time', '{{ "today" | date }}', /没有过滤器 date/],
  ['time', '{{ 0 | date_to_xmlschema }}', /没有过滤器 date_to_xmlschema/],
  ['time', '{{ report.units | sample }}', /没有过滤器 sample/],
  // Unbounded time.
  ['unbounded time', '{% for i in (1..100000000) %}x{% endfor %}', /内容过多/],
  ['unbounded time', '{% for i in (1..5000) %}{% for j in (1..5000) %}{% endfor %}{% endfor %}', /超时/],
  ['unbounded time', '{% for a in report.units %}{% for i in (1..1000000) %}{% for b in report.units %}{% for c in report.units %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}', /超时|内容过多/],
  // Unbounded memory.
  ['unbounded memory', '{% assign s = "哈哈哈哈" %}{% for i in (1..64) %}{% assign s = s | append: s %}{% endfor %}', /内容过多/],
  ['unbounded memory', '{% capture s %}哈{% endcapture %}{% for i in (1..64) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}', /内容过多/],
  ['unbounded memory', `{% for i in (1..20000) %}${'哈'.repeat(1000)}{% endfor %}`, /内容过多/],
  ['unbounded memory', '{% for i in (1..5000000) %}哈哈哈哈哈哈哈哈哈哈{% endfor %}', /内容过多|超时/],
  ['unbounded memory', '{% for i in (1..100000) %}{{ report | json }}{% endfor %}', /内容过多|超时/],
  ['unbounded memory', '{{ "哈" | slice: 0, 100000000000 }}', /内容过多/],
  ['unbounded memory', '{% assign l = (1..9000000) %}{{ l | concat: l | size }}', /内容过多/],
  // Deep nesting and sheer size.
  ['deep nesting', `${'{% if true %}'.repeat(40)}x${'{% endif %}'.repeat(40)}`, /嵌套过深/],
  ['deep nesting', '{% if true %}'.repeat(100_000), /嵌套过深/],
  ['deep nesting', `${'{% for i in (1..2) %}'.repeat(33)}${'{% endfor %}'.repeat(33)}`, /嵌套过深/],
  ['deep nesting', '{{ report.meta.year }}'.repeat(6_000), /过多，超过 5000 个/],
  ['deep nesting', `{{ report.meta.year${' | plus: 1'.repeat(30_000)} }}`, /内容过长/],
  // Malformed syntax.
  ['malformed', '{% if %}', /./],
  ['malformed', '{{ report.meta.title', /没有闭合/],
  ['malformed', '{% for u in report.units %}', /没有闭合/],
  ['malformed', '{% endif %}', /./],
  ['malformed', '{{ | }}', /./],
  ['malformed', '{% %}', /./],
  ['malformed', '{% set x = 1 %}', /不能使用 \{% set %\}/],
  ['malformed', '{% macro q(e) %}{{ e }}{% endmacro %}', /不能使用 \{% macro %\}/],
  ['malformed', '{# 注释 #}', /\{% comment %\}/],
  ['malformed', '{{ report.meta.year | score(2) }}', /语法错误/],
  ['malformed', '{{ report.meta.year | nonsense }}', /没有过滤器 nonsense/],
  ['malformed', '{% nonsense %}', /没有 \{% nonsense %\} 这个标签/],
];

/** A payload short enough for a test's name. */
const label = (payload: string): string => (payload.length > 70 ? `${payload.slice(0, 70)}…` : payload);

describe('a hostile chapter', () => {
  it.each(refused.map(([cls, payload, says]) => [cls, label(payload), payload, says] as const))('%s: %s is refused at its line with a Chinese message', (_, __, payload, says) => {
    const result = attempt(payload);
    expect(result.html).toBeUndefined();
    expect(result.refusal).toMatch(refusedAt(LINE));
    expect(result.refusal).toMatch(says);
    expect(result.refusal!.split('\n')).toHaveLength(1);
    // Limits are Liquid's and ours, not the test's timeout: every refusal comes within about a second.
    expect(result.ms).toBeLessThan(5_000);
  });

  it.each([
    ['NUL', '\u0000'],
    ['escape', '\u001B'],
    ['DEL', '\u007F'],
    ['right-to-left override', '\u202E'],
  ])('with a %s character on line 33 is refused at that line and column', (_, char) => {
    expect(attempt(`前文${char}后文`).refusal).toMatch(/^content\/99-hostile\.md:33:3 text: 章节中有不可见的控制字符 U\+[0-9A-F]{4}/);
  });

  it('with 200,000 headings is refused within seconds, not rendered for minutes', () => {
    const started = performance.now();
    expect(renderChapterText(`---\ntitle: 敌意\n---\n${'## 节\n'.repeat(200_000)}`)).toMatch(/^content\/99-hostile\.md:4:1 text: 章节中的小标题过多/);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('with a NUL byte in its front matter is refused at the line of the title', () => {
    const result = renderChapterText('---\ntitle: 敌意\u0000章节\n---\n正文\n');
    expect(result).toMatch(/^content\/99-hostile\.md:2:10 text: 章节中有不可见的控制字符 U\+0000/);
  });

  it.each([
    ['data that looks like a template', '{{ report.meta.title }}', '关于测试市2020年4项创新经验推广情况的第三方评估报告'],
    ['raw text that looks like an attack', '{% raw %}{{ report.constructor }}{% include "x" %}{% endraw %}', '{{ report.constructor }}{% include &quot;x&quot; %}'],
    ['a comment holding an attack', '{% comment %}{% include "/etc/passwd" %}{{ report.constructor }}{% endcomment %}可见', '可见'],
    ['markup typed in prose', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a value the chapter may print whole', '{{ report.stats.counts | json }}', '&quot;experiences&quot;:4'],
  ])('holding %s renders it as literal text', (_, payload, shown) => {
    const result = attempt(payload);
    expect(result.refusal).toBeUndefined();
    expect(result.html).toContain(shown);
  });

  it('never writes the proof file its payload aims at', () => {
    expect(existsSync(proof)).toBe(false);
  });
});

/** Renders a whole chapter text as `content/99-hostile.md`, returning the refusal or 'rendered'. */
function renderChapterText(text: string): string {
  try {
    renderChapter('content/99-hostile.md', text, { slug: 'hostile', order: 99, report, env });
    return 'rendered';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('a whole build with a hostile chapter', () => {
  it('fails naming the chapter, file and line, leaves the published site byte-identical, no staging folder and no proof file', async () => {
    const small = editionDirs('small');
    const content = path.join(work, 'content');
    await cp(small.content, content, { recursive: true });
    const published = path.join(work, 'published');
    const outDir = path.join(published, '_site');
    await buildSite({ dataDir: small.data, contentDir: content, outDir });
    const before = await hashTree(outDir);

    await writeFile(
      path.join(content, '03-hostile.md'),
      chapter(`{% include "../data/units.yaml" %}{{ cycler.constructor("return process.getBuiltinModule('fs').writeFileSync('${proof}','x')")() }}`),
    );
    const failure = buildSite({ dataDir: small.data, contentDir: content, outDir });
    await expect(failure).rejects.toThrow(new RegExp(`${path.relative(process.cwd(), content)}/03-hostile\\.md:${LINE}:1 template: 章节中不能使用 \\{% include %\\}`));

    expect(treeDifferences(before, await hashTree(outDir))).toEqual([]);
    expect(await readdir(published)).toEqual(['_site']);
    expect(existsSync(proof)).toBe(false);
  });
});
