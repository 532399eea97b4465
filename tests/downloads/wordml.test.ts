import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { reportDocx } from '../../src/downloads/docx.ts';
import { fontTableXml, packageParts, pageNumberRuns, paragraph, run, stylesXml, table, xmlText } from '../../src/downloads/wordml.ts';
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
  it('keeps spaces at the ends of a run, breaks lines at newlines and writes no run for empty text', () => {
    expect(run(' 甲 ')).toBe('<w:r><w:t xml:space="preserve"> 甲 </w:t></w:r>');
    expect(run('甲\n乙')).toBe('<w:r><w:t xml:space="preserve">甲</w:t><w:br/><w:t xml:space="preserve">乙</w:t></w:r>');
    expect(run('')).toBe('');
    expect(paragraph('')).toBe('<w:p></w:p>');
  });

  it('writes the paragraph properties in the order the schema fixes', () => {
    const xml = paragraph('正文', {
      style: 'Heading2',
      keepNext: true,
      keepLines: true,
      pageBreakBefore: true,
      snapToGrid: false,
      spacing: { before: 120, line: 579, lineRule: 'exact' },
      indent: { left: { twips: 632, chars: 200 }, hanging: { twips: 316, chars: 100 } },
      align: 'both',
      outlineLevel: 1,
    });
    expect(xml).toBe(
      '<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:keepNext/><w:keepLines/><w:pageBreakBefore/><w:snapToGrid w:val="0"/>' +
        '<w:spacing w:before="120" w:line="579" w:lineRule="exact"/><w:ind w:leftChars="200" w:left="632" w:hangingChars="100" w:hanging="316"/>' +
        '<w:jc w:val="both"/><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t xml:space="preserve">正文</w:t></w:r></w:p>',
    );
    expect(wellFormed(xml)).toEqual([]);
  });

  it('sets a run\'s fonts, boldness, spacing and size in schema order', () => {
    expect(run('甲', { font: { eastAsia: '仿宋_GB2312' }, bold: true, characterSpacing: -6, size: 32 })).toBe(
      '<w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:cs="仿宋_GB2312"/>' +
        '<w:b/><w:bCs/><w:spacing w:val="-6"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr><w:t xml:space="preserve">甲</w:t></w:r>',
    );
  });
});

describe('pageNumberRuns()', () => {
  it('is a PAGE field between em dashes, showing 1 where fields are not computed', () => {
    const runs = pageNumberRuns();
    const text = [...runs.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toBe('— 1 —');
    expect(runs).toMatch(/<w:fldChar w:fldCharType="begin"\/>.*<w:instrText xml:space="preserve"> PAGE <\/w:instrText>.*<w:fldChar w:fldCharType="end"\/>/);
  });
});

describe('table({ columns, rows, numeric, widths, … })', () => {
  const xml = table({
    columns: ['排名', '单位'],
    rows: [['1', '桓台县'], ['2', '<张店区>\n新区']],
    numeric: [true, false],
    widths: [3000, 5845],
    headerStyle: 'TableHeading',
    cellStyle: 'TableText',
    keepWithNext: true,
  });
  const rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);

  it('repeats the header row on every page, never splits a row and centres numbers', () => {
    const [header, ...body] = rows;
    expect(header).toContain('<w:tblHeader/>');
    expect(header).toContain('<w:pStyle w:val="TableHeading"/>');
    expect(body).toHaveLength(2);
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    expect(body[0]).not.toContain('<w:tblHeader/>');
    expect(body[0]!.match(/<w:jc w:val="(\w+)"\/>/g)).toEqual(['<w:jc w:val="center"/>']);
    expect(body[1]).toContain('&lt;张店区&gt;</w:t><w:br/>');
  });

  it('keeps only the last row with the paragraph after the table', () => {
    expect(rows[1]).not.toContain('<w:keepNext/>');
    expect(rows[2]).toContain('<w:keepNext/>');
  });

  it('declares fixed column widths that sum to the table width', () => {
    expect(xml).toContain('<w:tblW w:w="8845" w:type="dxa"/>');
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    expect(xml).toContain('<w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="5845"/></w:tblGrid>');
    expect(wellFormed(xml)).toEqual([]);
  });
});

describe('stylesXml({ defaults, styles })', () => {
  const xml = stylesXml({
    defaults: { font: { eastAsia: '仿宋_GB2312' }, size: 32 },
    styles: [
      { id: 'Normal', name: 'Normal', paragraph: { align: 'both' } },
      { id: 'Heading1', name: 'heading 1', basedOn: 'Normal', next: 'Normal', paragraph: { outlineLevel: 0 }, run: { font: { eastAsia: '黑体' } } },
    ],
  });

  it('sets the default font as the East Asian font, its size and the Chinese language', () => {
    expect(xml).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:cs="仿宋_GB2312"\/><w:sz w:val="32"\/>/);
    expect(xml).toContain('w:eastAsia="zh-CN"');
  });

  it('writes each style with its name, base, next style and properties, Normal as the default', () => {
    expect(xml).toContain('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>');
    expect(xml).toContain(
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>' +
        '<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体" w:cs="黑体"/></w:rPr></w:style>',
    );
    expect(wellFormed(xml)).toEqual([]);
  });
});

describe('fontTableXml(fonts)', () => {
  it('names each font with its alternative, the GB2312 character set and its family', () => {
    const xml = fontTableXml([{ name: '仿宋_GB2312', altName: '仿宋', family: 'roman' }]);
    expect(xml).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="roman"/>');
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

  it('ends the body with the section properties, after the last table', () => {
    const xml = text('word/document.xml');
    expect(xml.indexOf('<w:sectPr>')).toBeGreaterThan(xml.lastIndexOf('</w:tbl>'));
    expect(xml.endsWith('</w:sectPr></w:body></w:document>')).toBe(true);
  });
});
