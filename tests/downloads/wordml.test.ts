import { unzipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnWidths, reportDocx } from '../../src/downloads/docx.ts';
import { packageParts, paragraph, run, stylesXml, table, TEXT_WIDTH, xmlText } from '../../src/downloads/wordml.ts';
import { fixtureReport } from './report-fixture.ts';

/**
 * Checks that `xml` is well formed as far as our writer can go wrong:
 * one declaration at most, every tag closed in order, attributes quoted,
 * no raw `<` or `&` outside markup and entities. Returns the problems.
 */
function wellFormed(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml [^?]*\?>\n?/, '');
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(token)) {
    const [, closing, name, , selfClosing, text, stray] = m;
    if (stray) problems.push(`stray < at ${m.index}`);
    else if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) problems.push(`raw & in ${text.slice(0, 20)}`);
    } else if (closing) {
      if (stack.pop() !== name) problems.push(`</${name}> closes ${stack.at(-1) ?? 'nothing'}`);
    } else if (!selfClosing) stack.push(name!);
  }
  if (stack.length) problems.push(`unclosed ${stack.join(', ')}`);
  return problems;
}

describe('xmlText(text)', () => {
  it.each([
    ['<甲&乙>', '&lt;甲&amp;乙&gt;'],
    [`"双"'单'`, '&quot;双&quot;&apos;单&apos;'],
    ['a\u0000b\u0008c\u000Bd\u001Fe', 'abcde'],
    ['行\t内\n换', '行\t内\n换'],
    ['😀', '😀'],
    ['\uD83D孤', '孤'],
    ['孤\uDE00', '孤'],
    ['\uFFFE\uFFFF', ''],
  ])('turns %j into %j', (input, expected) => {
    expect(xmlText(input)).toBe(expected);
  });
});

describe('paragraph(text, options) and run(text)', () => {
  it('keeps spaces at the ends of a run and writes no run for empty text', () => {
    expect(run(' 甲 ')).toBe('<w:r><w:t xml:space="preserve"> 甲 </w:t></w:r>');
    expect(run('')).toBe('');
    expect(paragraph('')).toBe('<w:p></w:p>');
  });

  it('sets the style, a two-character first-line indent and the alignment', () => {
    const xml = paragraph('正文', { style: 'Heading2', firstLineIndent: true, align: 'center' });
    expect(xml).toBe(
      '<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:ind w:firstLineChars="200" w:firstLine="480"/><w:jc w:val="center"/></w:pPr>' +
        '<w:r><w:t xml:space="preserve">正文</w:t></w:r></w:p>',
    );
  });
});

describe('table({ columns, rows, numeric, widths })', () => {
  const xml = table({ columns: ['排名', '单位'], rows: [['1', '桓台县'], ['2', '<张店区>']], numeric: [true, false], widths: [3000, 5306] });

  it('repeats a bold header row on every page and aligns numbers right', () => {
    const [header, ...body] = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);
    expect(header).toContain('<w:tblHeader/>');
    expect(header).toContain('<w:b/>');
    expect(body).toHaveLength(2);
    expect(body[0]).not.toContain('<w:tblHeader/>');
    expect(body[0]!.match(/<w:jc w:val="(\w+)"\/>/g)).toEqual(['<w:jc w:val="right"/>', '<w:jc w:val="left"/>']);
    expect(body[1]).toContain('&lt;张店区&gt;');
  });

  it('declares one grid column per column with its width', () => {
    expect(xml).toContain('<w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="5306"/></w:tblGrid>');
    expect(wellFormed(xml)).toEqual([]);
  });
});

describe('columnWidths(rows)', () => {
  it('keeps rank and score columns on one line when a long name overflows the page', () => {
    const widths = columnWidths([
      ['排名', '创新改革经验', '牵头部门', '得分'],
      ['20', '探索构建“六大数据平台”，打造“互联网+精准预防”新模式的长名称示例文字', '市人力资源和社会保障局', '85.20'],
    ]);
    expect(widths[0]).toBe((4 + 1) * 120 + 216);
    expect(widths[3]).toBe((5 + 1) * 120 + 216);
    expect(widths[1]).toBeGreaterThan(widths[3]!);
  });

  it('always fills the text width exactly, with every column at least as wide as its margins', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 60 }), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const widths = columnWidths(rows);
        expect(widths).toHaveLength(Math.max(...rows.map((r) => r.length)));
        expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
        for (const w of widths) expect(w).toBeGreaterThan(216);
      }),
    );
  });
});

describe('stylesXml(sheet)', () => {
  const xml = stylesXml({
    body: { ascii: 'SimSun', eastAsia: '宋体' },
    heading: { ascii: 'SimHei', eastAsia: '黑体' },
    bodySize: 24,
    titleSize: 36,
    headingSizes: [32, 28],
  });

  it('defines Heading 1–6 with outline levels for the navigation pane, deeper levels taking the last size', () => {
    for (let level = 1; level <= 6; level++) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}">([\\s\\S]*?)</w:style>`).exec(xml)?.[1];
      expect(style).toContain(`<w:name w:val="heading ${level}"/>`);
      expect(style).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
      expect(style).toContain(`<w:sz w:val="${level === 1 ? 32 : 28}"/>`);
      expect(style).toContain('w:eastAsia="黑体"');
    }
  });

  it('sets the body font as the East Asian font and the language to Chinese', () => {
    expect(xml).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="SimSun" w:hAnsi="SimSun" w:eastAsia="宋体" w:cs="SimSun"\/>/);
    expect(xml).toContain('w:eastAsia="zh-CN"');
    expect(wellFormed(xml)).toEqual([]);
  });
});

describe('the Word package reportDocx writes', () => {
  const files = unzipSync(reportDocx(fixtureReport(), []));
  const text = (name: string) => new TextDecoder().decode(files[name]);

  it('has every part its content types and relationships name, and no other', () => {
    const overrides = [...text('[Content_Types].xml').matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]);
    const rels = [...text('_rels/.rels').matchAll(/Target="([^"]+)"/g)].map((m) => m[1]);
    const docRels = [...text('word/_rels/document.xml.rels').matchAll(/Target="([^"]+)"/g)].map((m) => `word/${m[1]}`);
    const parts = Object.keys(files).filter((name) => !name.endsWith('.rels') && name !== '[Content_Types].xml');
    expect([...overrides].sort()).toEqual([...parts].sort());
    expect([...rels, ...docRels].every((target) => target! in files)).toBe(true);
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    expect(Object.keys(packageParts()).every((name) => name in files)).toBe(true);
  });

  it('writes every part as well-formed XML', () => {
    for (const name of Object.keys(files)) expect({ name, problems: wellFormed(text(name)) }).toEqual({ name, problems: [] });
  });

  it('holds A4 pages with the body before the section properties', () => {
    const xml = text('word/document.xml');
    expect(xml).toMatch(/<w:sectPr><w:pgSz w:w="11906" w:h="16838"\/>/);
    expect(xml.indexOf('<w:sectPr>')).toBeGreaterThan(xml.lastIndexOf('</w:tbl>'));
  });
});
