import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HTML_PREFIX, SECTION_ELEMENTS, sectionHtml, sectionPlain, type SectionBlock } from '../../src/client/copy-section.ts';
import { officeTools, skipOffice } from '../downloads/libreoffice.ts';
import { zipEntries } from '../helpers/zip-entries.ts';

const run = promisify(execFile);

const SOURCE = '来源：项目组《报告》';
const heading = (level: number, text: string): SectionBlock => ({ kind: 'heading', level, text });
const paragraph = (text: string): SectionBlock => ({ kind: 'paragraph', text });
const cell = (text: string, header = false, figure = false) => ({ text, header, figure });

describe('sectionHtml(blocks, source) and sectionPlain(blocks, source)', () => {
  it.each<[string, SectionBlock[], string, string]>([
    [
      'a heading and its paragraphs',
      [heading(3, '（一）标题'), paragraph('第一段。'), paragraph('第二\n段。')],
      '<h3>（一）标题</h3><p>第一段。</p><p>第二段。</p>',
      '（一）标题\n\n第一段。\n\n第二段。',
    ],
    [
      'a chapter with a subsection heading',
      [heading(2, '一、特点'), paragraph('导语。'), heading(3, '（一）甲'), paragraph('正文。')],
      '<h2>一、特点</h2><p>导语。</p><h3>（一）甲</h3><p>正文。</p>',
      '一、特点\n\n导语。\n\n（一）甲\n\n正文。',
    ],
    [
      'a bulleted and a numbered list, items on consecutive lines',
      [heading(2, '原则'), { kind: 'list', ordered: false, items: ['甲', '乙'] }, { kind: 'list', ordered: true, items: ['丙', '丁'] }],
      '<h2>原则</h2><ul><li>甲</li><li>乙</li></ul><ol><li>丙</li><li>丁</li></ol>',
      '原则\n\n- 甲\n- 乙\n\n1. 丙\n2. 丁',
    ],
    [
      'a numbered list that starts at 3, as numbered paragraphs (a start needs an attribute)',
      [heading(2, '续'), { kind: 'list', ordered: true, start: 3, items: ['戊', '己'] }],
      '<h2>续</h2><p>3. 戊</p><p>4. 己</p>',
      '续\n\n3. 戊\n4. 己',
    ],
    [
      'a table with its caption, header cells as th',
      [heading(2, '指标'), { kind: 'table', caption: '评估指标及分值', rows: [[cell('指标', true), cell('满分', true)], [cell('宣传'), cell('20', false, true)]] }],
      '<h2>指标</h2><p>评估指标及分值</p><table><tr><th>指标</th><th>满分</th></tr><tr><td>宣传</td><td>20</td></tr></table>',
      '指标\n\n评估指标及分值\n指标\t满分\n宣传\t20',
    ],
    [
      'empty paragraphs, items, rows and tables dropped',
      [heading(2, '甲'), paragraph(' \n '), paragraph('\u200B'), paragraph('\u3000'), { kind: 'list', ordered: false, items: ['', ' '] }, { kind: 'list', ordered: false, items: ['', '乙'] }, { kind: 'table', rows: [[cell(' ')], []] }],
      '<h2>甲</h2><ul><li>乙</li></ul>',
      '甲\n\n- 乙',
    ],
    [
      'markup in the text as text',
      [heading(2, '<script>alert(1)</script>'), paragraph('<a href="x" onclick="y">&</a>')],
      '<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2><p>&lt;a href=&quot;x&quot; onclick=&quot;y&quot;&gt;&amp;&lt;/a&gt;</p>',
      '<script>alert(1)</script>\n\n<a href="x" onclick="y">&</a>',
    ],
    [
      'a heading level out of range as the nearest real one',
      [heading(9, '甲'), heading(0, '乙'), heading(Number.NaN, '丙')],
      '<h6>甲</h6><h1>乙</h1><h2>丙</h2>',
      '甲\n\n乙\n\n丙',
    ],
    [
      'table cells made inert as the table copy makes them',
      [{ kind: 'table', rows: [[cell('=1+2'), cell('-1.50', false, true)]] }],
      "<table><tr><td>'=1+2</td><td>-1.50</td></tr></table>",
      "'=1+2\t-1.50",
    ],
  ])('writes %s', (_, blocks, html, plain) => {
    expect(sectionHtml(blocks, SOURCE)).toBe(`${HTML_PREFIX}${html}<p>${SOURCE}</p>`);
    expect(sectionPlain(blocks, SOURCE)).toBe(`${plain}\n\n${SOURCE}`);
  });

  it('ends with the last block when there is no source line', () => {
    expect(sectionHtml([heading(2, '甲')], '')).toBe(`${HTML_PREFIX}<h2>甲</h2>`);
    expect(sectionPlain([heading(2, '甲')], '')).toBe('甲');
  });

  it('gives only the prefix, or the empty string, for nothing to copy', () => {
    expect(sectionHtml([], '')).toBe(HTML_PREFIX);
    expect(sectionPlain([paragraph(' ')], '')).toBe('');
  });
});

/** Any text, including markup, quotes, line breaks and invisible characters. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', '\n\n', '\u3000', '\u00A0', '<p>', '<img src=x onerror=alert(1)>', '"\'&<>', '\u200B', '=1+2', '甲\r\n乙'),
);
const anyBlock: fc.Arbitrary<SectionBlock> = fc.oneof(
  fc.record({ kind: fc.constant('heading' as const), level: fc.oneof(fc.integer({ min: -3, max: 9 }), fc.double()), text: anyText }),
  fc.record({ kind: fc.constant('paragraph' as const), text: anyText }),
  fc.record(
    { kind: fc.constant('list' as const), ordered: fc.boolean(), start: fc.integer({ min: -2, max: 5 }), items: fc.array(anyText, { maxLength: 4 }) },
    { requiredKeys: ['kind', 'ordered', 'items'] },
  ),
  fc.record(
    {
      kind: fc.constant('table' as const),
      caption: anyText,
      rows: fc.array(fc.array(fc.record({ text: anyText, header: fc.boolean(), figure: fc.boolean() }), { maxLength: 3 }), { maxLength: 3 }),
    },
    { requiredKeys: ['kind', 'rows'] },
  ),
);

describe('sectionHtml(blocks, source) for any blocks', () => {
  it('holds only whitelisted elements, without attributes, properly nested, and no empty paragraph, heading or item', () => {
    fc.assert(
      fc.property(fc.array(anyBlock, { maxLength: 8 }), anyText, (blocks, source) => {
        const html = sectionHtml(blocks, source);
        expect(html.startsWith(HTML_PREFIX)).toBe(true);
        const body = html.slice(HTML_PREFIX.length);
        const open: string[] = [];
        for (const [tag, closing, name] of body.matchAll(/<(\/?)([^>]*)>/g)) {
          expect(SECTION_ELEMENTS, tag).toContain(name);
          if (closing) expect(open.pop()).toBe(name);
          else open.push(name!);
        }
        expect(open).toEqual([]);
        // Every < and > left is part of a tag: text is escaped.
        expect(body.replace(/<\/?[a-z0-9]+>/g, '')).not.toMatch(/[<>"]/);
        expect(body).not.toMatch(/<(p|h[1-6]|li|ul|ol)>\s*<\/\1>/);
      }),
    );
  });
});

describe('sectionPlain(blocks, source) for any blocks', () => {
  it('never has two blank lines in a row, a line of only spaces, a carriage return, or a line break at either end', () => {
    fc.assert(
      fc.property(fc.array(anyBlock, { maxLength: 8 }), anyText, (blocks, source) => {
        const plain = sectionPlain(blocks, source);
        expect(plain).not.toMatch(/\n\n\n|\r|^\n|\n$/);
        for (const line of plain.split('\n')) expect(line === '' || line.trim() !== '', JSON.stringify(line)).toBe(true);
      }),
    );
  });

  it('has the same paragraphs and headings as the HTML flavour, in the same order', () => {
    const texts = fc.array(fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== '' && !/[&<>"]/.test(s))), {
      maxLength: 6,
    });
    fc.assert(
      fc.property(texts, (words) => {
        const blocks = words.map((text, i) => (i % 2 ? paragraph(text) : heading(2, text)));
        const fromHtml = [...sectionHtml(blocks, '').matchAll(/<(?:p|h2)>([\s\S]*?)<\/(?:p|h2)>/g)].map((m) => m[1]);
        const fromPlain = sectionPlain(blocks, '').split('\n\n').filter(Boolean);
        expect(fromHtml).toEqual(fromPlain);
      }),
    );
  });
});

describe.skipIf(skipOffice())('sectionHtml(blocks, source) opened in LibreOffice, as Word opens a paste', () => {
  it('gives heading styles to headings and no empty paragraph', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pinggu-copy-section-'));
    try {
      const html = sectionHtml(
        [
          heading(2, '一、特点'),
          paragraph('导语。'),
          paragraph(' '),
          heading(3, '（一）甲'),
          { kind: 'list', ordered: false, items: ['乙', ''] },
          { kind: 'table', caption: '指标', rows: [[cell('指标', true), cell('满分', true)], [cell('宣传'), cell('20', false, true)]] },
        ],
        SOURCE,
      );
      await writeFile(path.join(dir, 'section.html'), html);
      await run(officeTools.soffice, [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, path.join(dir, 'section.html')], {
        timeout: 240_000,
        env: { ...process.env, HOME: dir },
      });
      const xml = zipEntries(await readFile(path.join(dir, 'section.docx'))).get('word/document.xml')!.toString('utf8');
      const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map(([p]) => ({
        style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '',
        text: [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
      }));
      expect(paragraphs.filter((p) => p.text.trim() === '')).toEqual([]);
      expect(paragraphs.filter((p) => /^Heading/.test(p.style))).toEqual([
        { style: 'Heading2', text: '一、特点' },
        { style: 'Heading3', text: '（一）甲' },
      ]);
      expect(paragraphs.map((p) => p.text)).toEqual(['一、特点', '导语。', '（一）甲', '乙', '指标', '指标', '满分', '宣传', '20', SOURCE]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
