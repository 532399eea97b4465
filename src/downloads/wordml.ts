/**
 * The few pieces of WordprocessingML (ECMA-376, transitional) the Word
 * download is made of, as strings: runs, paragraphs, tables, styles, the
 * font table, footers with a page number, section properties and the
 * package's fixed parts. Pure functions, no I/O; `docx.ts` decides what
 * goes where and zips the package.
 *
 * Elements inside a properties element are written in the order the
 * schema fixes (Word refuses a file whose `w:pPr` has `w:jc` before
 * `w:ind`), which is why each builder lists its children in one place.
 *
 * Written by hand rather than with the `docx` package, which costs about
 * 0.15 s per build on its first (cold) use for this report and zips with
 * the current time, so its output had to be unzipped and zipped again to be
 * byte-identical (docs/performance.md).
 */

/** The main WordprocessingML namespace. */
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** The relationships namespace, for `r:id` on footer references. */
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Characters XML 1.0 does not allow in a document (C0 controls but tab, newline, return; U+FFFE/U+FFFF; lone surrogates). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as XML character data or an attribute value: `& < > "` and `'`
 * escaped, characters XML cannot hold dropped.
 *
 * @example
 * xmlText('<甲&乙>') // → '&lt;甲&amp;乙&gt;'
 */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The face of a run: one name for Chinese (`w:eastAsia`) and, when it differs, one for Latin letters and digits. */
export interface RunFont {
  eastAsia: string;
  /** Latin letters and digits; the East Asian face when absent, whose digits are the half-width ones official text uses. */
  ascii?: string;
}

/** Character properties a run or a style may set. */
export interface RunOptions {
  font?: RunFont;
  /** Size in half-points (32 = 三号, 16 pt). */
  size?: number;
  bold?: boolean;
  /** Space added to (or, negative, taken from) every character's advance, in twentieths of a point. */
  characterSpacing?: number;
}

/** `w:rPr` children in schema order (rFonts, b, bCs, spacing, sz, szCs, lang); empty when nothing is set. */
function runProperties({ font, size, bold = false, characterSpacing }: RunOptions, lang = false): string {
  const fonts = font
    ? `<w:rFonts w:ascii="${xmlText(font.ascii ?? font.eastAsia)}" w:hAnsi="${xmlText(font.ascii ?? font.eastAsia)}" ` +
      `w:eastAsia="${xmlText(font.eastAsia)}" w:cs="${xmlText(font.ascii ?? font.eastAsia)}"/>`
    : '';
  return (
    fonts +
    (bold ? '<w:b/><w:bCs/>' : '') +
    (characterSpacing === undefined ? '' : `<w:spacing w:val="${characterSpacing}"/>`) +
    (size ? `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` : '') +
    (lang ? '<w:lang w:val="zh-CN" w:eastAsia="zh-CN" w:bidi="ar-SA"/>' : '')
  );
}

/**
 * One run of text; spaces at either end are kept (`xml:space="preserve"`)
 * and a newline becomes a line break (`w:br`) inside the paragraph. An
 * empty text gives an empty string (no run).
 *
 * @example
 * run('甲\n乙', { bold: true })
 * // → '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">甲</w:t><w:br/><w:t xml:space="preserve">乙</w:t></w:r>'
 */
export function run(text: string, options: RunOptions = {}): string {
  if (text === '') return '';
  const props = runProperties(options);
  const body = text
    .split('\n')
    .map((line) => (line === '' ? '' : `<w:t xml:space="preserve">${xmlText(line)}</w:t>`))
    .join('<w:br/>');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${body}</w:r>`;
}

/** A length given both ways Word reads it: twentieths of a point, and hundredths of a grid character (which Word prefers, LibreOffice ignores). */
export interface GridLength {
  twips: number;
  /** Absent for a length that is no whole number of characters (a page number's one-字 margin in 四号). */
  chars?: number;
}

/** Paragraph indents (`w:ind`); `firstLine` and `hanging` exclude each other. */
export interface Indent {
  left?: GridLength;
  right?: GridLength;
  firstLine?: GridLength;
  hanging?: GridLength;
}

/** Paragraph properties a paragraph or a style may set. */
export interface ParagraphOptions {
  /** Style id (`Title`, `Heading1` …); default the Normal style. */
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  /** False to set the paragraph off the document grid (`w:snapToGrid w:val="0"`): titles, tables, footers. */
  snapToGrid?: boolean;
  /** Space before and after in twentieths of a point; line spacing in 240ths of a line (`auto`) or twentieths of a point (`exact`). */
  spacing?: { before?: number; after?: number; line?: number; lineRule?: 'auto' | 'exact' | 'atLeast' };
  indent?: Indent;
  align?: 'left' | 'center' | 'right' | 'both' | 'distribute';
  /** Outline level 0–8: what Word's navigation pane lists. */
  outlineLevel?: number;
}

/** `w:pPr` children in schema order; empty when nothing is set. */
function paragraphProperties(options: ParagraphOptions): string {
  const { style, keepNext, keepLines, pageBreakBefore, snapToGrid, spacing, indent, align, outlineLevel } = options;
  const flag = (on: boolean | undefined, name: string) => (on === undefined ? '' : on ? `<w:${name}/>` : `<w:${name} w:val="0"/>`);
  let ind = '';
  if (indent) {
    const attrs: string[] = [];
    for (const side of ['left', 'right', 'firstLine', 'hanging'] as const) {
      const value = indent[side];
      if (value) attrs.push(`${value.chars === undefined ? '' : `w:${side}Chars="${value.chars}" `}w:${side}="${value.twips}"`);
    }
    ind = `<w:ind ${attrs.join(' ')}/>`;
  }
  const space = spacing
    ? `<w:spacing${spacing.before === undefined ? '' : ` w:before="${spacing.before}"`}${spacing.after === undefined ? '' : ` w:after="${spacing.after}"`}` +
      `${spacing.line === undefined ? '' : ` w:line="${spacing.line}" w:lineRule="${spacing.lineRule ?? 'auto'}"`}/>`
    : '';
  return (
    (style ? `<w:pStyle w:val="${xmlText(style)}"/>` : '') +
    flag(keepNext, 'keepNext') +
    flag(keepLines, 'keepLines') +
    flag(pageBreakBefore, 'pageBreakBefore') +
    (snapToGrid === undefined ? '' : flag(snapToGrid, 'snapToGrid')) +
    space +
    ind +
    (align ? `<w:jc w:val="${align}"/>` : '') +
    (outlineLevel === undefined ? '' : `<w:outlineLvl w:val="${outlineLevel}"/>`)
  );
}

/**
 * One paragraph holding `text` as one run (a newline in it a line break),
 * or the runs given as XML.
 *
 * @example
 * paragraph('一、主要特点', { style: 'Heading1' })
 * // → '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">一、主要特点</w:t></w:r></w:p>'
 */
export function paragraph(text: string | { runs: string }, options: ParagraphOptions & { run?: RunOptions } = {}): string {
  const props = paragraphProperties(options);
  const runs = typeof text === 'string' ? run(text, options.run) : text.runs;
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;
}

/**
 * The runs of a PAGE field between em dashes, `— 1 —`, as official
 * documents number their pages; the digit is what a reader that does not
 * compute fields shows.
 *
 * @example
 * pageNumberRuns() // '<w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>…'
 */
export function pageNumberRuns(): string {
  return (
    run('— ') +
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
    run(' —')
  );
}

/** A table for {@link table}: its header cells and body rows (a newline in a cell breaks its line), with the look of each. */
export interface WordTable {
  columns: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
  /** Which columns hold numbers (ranks, scores): set centred, as official tables set them. */
  numeric: readonly boolean[];
  /** Column widths in twentieths of a point. */
  widths: readonly number[];
  /** Paragraph styles of header and body cells. */
  headerStyle: string;
  cellStyle: string;
  /** Keep the last row on the page of the paragraph after the table (a note on the table). */
  keepWithNext?: boolean;
}

/**
 * A bordered table (style `TableGrid`) of fixed column widths, its header
 * row repeated at the top of every page (`w:tblHeader`), no row split
 * across pages (`w:cantSplit`), cells centred vertically, header cells
 * and numbers centred.
 *
 * @example
 * table({ columns: ['排名'], rows: [['1']], numeric: [true], widths: [8845], headerStyle: 'TableHeading', cellStyle: 'TableText' }) // '<w:tbl>…</w:tbl>'
 */
export function table({ columns, rows, numeric, widths, headerStyle, cellStyle, keepWithNext = false }: WordTable): string {
  const cell = (text: string, i: number, options: ParagraphOptions) =>
    `<w:tc><w:tcPr><w:tcW w:w="${widths[i] ?? 0}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>${paragraph(text, options)}</w:tc>`;
  const header = `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${columns.map((c, i) => cell(c, i, { style: headerStyle })).join('')}</w:tr>`;
  const body = rows
    .map((row, r) => {
      const keepNext = keepWithNext && r === rows.length - 1 ? true : undefined;
      const cells = row.map((c, i) => cell(c, i, { style: cellStyle, keepNext, align: numeric[i] ? 'center' : undefined }));
      return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.join('')}</w:tr>`;
    })
    .join('');
  const total = widths.reduce((a, b) => a + b, 0);
  return (
    `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>` +
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>' +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${header}${body}</w:tbl>`
  );
}

/** Page size and margins in twentieths of a point, as `w:pgSz` and `w:pgMar` take them. */
export interface PageSetup {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
  header: number;
  footer: number;
}

/** The section of {@link documentXmlPieces}: page, document grid, and the relationship ids of the odd and even footers. */
export interface SectionSetup {
  page: PageSetup;
  grid: { linePitch: number; charSpace: number };
  footers: { odd: string; even: string };
}

/**
 * `word/document.xml` around body content (paragraphs and tables).
 *
 * @example
 * documentXml(paragraph('正文'), section) // '<?xml …?><w:document …><w:body><w:p>…</w:p><w:sectPr>…</w:sectPr></w:body></w:document>'
 */
export function documentXml(body: string, section: SectionSetup): string {
  return [...documentXmlPieces([body], section)].join('');
}

/**
 * {@link documentXml} around body content given in pieces, itself in
 * pieces: the document of a long report need never be one string (a
 * JavaScript string holds at most about 2^29 characters). The section
 * names the footer of odd pages (`default`) and of even pages, sets the
 * page and its margins, and lays the `linesAndChars` document grid.
 *
 * @example
 * [...documentXmlPieces([paragraph('甲'), paragraph('乙')], section)].join('') // '<?xml …?><w:document …><w:body><w:p>…'
 */
export function* documentXmlPieces(body: Iterable<string>, { page, grid, footers }: SectionSetup): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>`;
  yield* body;
  yield (
    `<w:sectPr><w:footerReference w:type="even" r:id="${footers.even}"/><w:footerReference w:type="default" r:id="${footers.odd}"/>` +
    `<w:pgSz w:w="${page.width}" w:h="${page.height}"/><w:pgMar w:top="${page.top}" w:right="${page.right}" w:bottom="${page.bottom}" ` +
    `w:left="${page.left}" w:header="${page.header}" w:footer="${page.footer}" w:gutter="0"/><w:cols w:space="425"/>` +
    `<w:docGrid w:type="linesAndChars" w:linePitch="${grid.linePitch}" w:charSpace="${grid.charSpace}"/></w:sectPr></w:body></w:document>`
  );
}

/**
 * `word/footer1.xml`, `footer2.xml` …: a footer holding one paragraph.
 *
 * @example
 * footerXml(paragraph({ runs: pageNumberRuns() }, { style: 'Footer', align: 'right' })) // '<?xml …?><w:ftr …><w:p>…</w:p></w:ftr>'
 */
export function footerXml(content: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}">${content}</w:ftr>`;
}

/** A paragraph style for {@link stylesXml}. */
export interface ParagraphStyle {
  id: string;
  /** The name Word shows; Word's own styles keep their English names (`heading 1`) so Word treats them as its own. */
  name: string;
  basedOn?: string;
  next?: string;
  paragraph?: ParagraphOptions;
  run?: RunOptions;
}

/**
 * `word/styles.xml`: document defaults (font, size, Chinese language,
 * single lines with no space after), the given paragraph styles (each
 * marked for the style gallery) and a bordered table style whose cells
 * have narrow margins.
 *
 * @example
 * stylesXml({ defaults: { font: { eastAsia: '仿宋_GB2312' }, size: 32 }, styles: [{ id: 'Normal', name: 'Normal' }] }) // '<?xml …?><w:styles …>…</w:styles>'
 */
export function stylesXml({ defaults, styles }: { defaults: RunOptions; styles: readonly ParagraphStyle[] }): string {
  const style = ({ id, name, basedOn, next, paragraph: p, run: r }: ParagraphStyle) => {
    const pPr = p ? paragraphProperties(p) : '';
    const rPr = r ? runProperties(r) : '';
    return (
      `<w:style w:type="paragraph"${id === 'Normal' ? ' w:default="1"' : ''} w:styleId="${xmlText(id)}"><w:name w:val="${xmlText(name)}"/>` +
      (basedOn ? `<w:basedOn w:val="${xmlText(basedOn)}"/>` : '') +
      (next ? `<w:next w:val="${xmlText(next)}"/>` : '') +
      '<w:qFormat/>' +
      (pPr ? `<w:pPr>${pPr}</w:pPr>` : '') +
      (rPr ? `<w:rPr>${rPr}</w:rPr>` : '') +
      '</w:style>'
    );
  };
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W_NS}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${runProperties(defaults, true)}</w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    styles.map(style).join('') +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>' +
    '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>' +
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>' +
    `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
    '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>' +
    '</w:tblPr></w:style></w:styles>'
  );
}

/** A cell's left and right margins together in the `TableGrid` style, in twentieths of a point. */
export const CELL_MARGINS = 216;

/** A font of the font table: its name, the name to try instead, and its family. */
export interface FontEntry {
  name: string;
  altName: string;
  family: 'roman' | 'swiss' | 'script' | 'modern' | 'decorative' | 'auto';
}

/**
 * `word/fontTable.xml`: each font the document names, with the name to
 * use when it is missing (`w:altName`), the Simplified Chinese character
 * set (GB2312, 0x86) and its family, which Word and WPS use to choose a
 * substitute.
 *
 * @example
 * fontTableXml([{ name: '仿宋_GB2312', altName: '仿宋', family: 'roman' }]) // '…<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>…'
 */
export function fontTableXml(fonts: readonly FontEntry[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${W_NS}">` +
    fonts
      .map(
        (f) =>
          `<w:font w:name="${xmlText(f.name)}"><w:altName w:val="${xmlText(f.altName)}"/><w:charset w:val="86"/>` +
          `<w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
      )
      .join('') +
    '</w:fonts>'
  );
}

/** Document properties for `docProps/core.xml`. */
export interface CoreProperties {
  title: string;
  creator: string;
  description: string;
  /** W3C date-time, `2018-07-06T00:00:00Z`: both created and modified. */
  date: string;
}

/**
 * `docProps/core.xml`, dated from the data so the file is the same on every build.
 *
 * @example
 * corePropertiesXml({ title: '报告', creator: '项目组', description: '来源', date: '2018-07-06T00:00:00Z' })
 */
export function corePropertiesXml({ title, creator, description, date }: CoreProperties): string {
  const d = xmlText(date);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties ' +
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>${xmlText(creator)}</dc:creator><dc:description>${xmlText(description)}</dc:description>` +
    `<dc:language>zh-CN</dc:language><cp:lastModifiedBy>${xmlText(creator)}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${d}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${d}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const relationship = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
const relationships = (items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;

/** Relationship ids of the document's footers, for {@link SectionSetup.footers}. */
export const FOOTER_IDS = { odd: 'rId4', even: 'rId5' } as const;

/** Paths of the parts {@link packageParts} refers to and the caller writes. */
export const PART_PATHS = {
  document: 'word/document.xml',
  styles: 'word/styles.xml',
  fontTable: 'word/fontTable.xml',
  oddFooter: 'word/footer1.xml',
  evenFooter: 'word/footer2.xml',
  core: 'docProps/core.xml',
} as const;

/**
 * The parts every package of ours has besides those the caller writes
 * ({@link PART_PATHS}): content types, package and document relationships,
 * settings (different footers on odd and even pages, punctuation kept a
 * full character wide, as 28 characters a line counts it) and the application properties, by path.
 *
 * @example
 * Object.keys(packageParts()) // ['[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels', 'word/settings.xml', 'docProps/app.xml']
 */
export function packageParts(): Record<string, string> {
  const type = (name: string) => `application/vnd.openxmlformats-officedocument.${name}+xml`;
  const override = (part: string, contentType: string) => `<Override PartName="/${part}" ContentType="${contentType}"/>`;
  return {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      override(PART_PATHS.document, type('wordprocessingml.document.main')) +
      override(PART_PATHS.styles, type('wordprocessingml.styles')) +
      override('word/settings.xml', type('wordprocessingml.settings')) +
      override(PART_PATHS.fontTable, type('wordprocessingml.fontTable')) +
      override(PART_PATHS.oddFooter, type('wordprocessingml.footer')) +
      override(PART_PATHS.evenFooter, type('wordprocessingml.footer')) +
      override(PART_PATHS.core, 'application/vnd.openxmlformats-package.core-properties+xml') +
      override('docProps/app.xml', type('extended-properties')) +
      '</Types>',
    '_rels/.rels': relationships([
      relationship('rId1', `${REL}/officeDocument`, PART_PATHS.document),
      relationship('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', PART_PATHS.core),
      relationship('rId3', `${REL}/extended-properties`, 'docProps/app.xml'),
    ]),
    'word/_rels/document.xml.rels': relationships([
      relationship('rId1', `${REL}/styles`, 'styles.xml'),
      relationship('rId2', `${REL}/settings`, 'settings.xml'),
      relationship('rId3', `${REL}/fontTable`, 'fontTable.xml'),
      relationship(FOOTER_IDS.odd, `${REL}/footer`, 'footer1.xml'),
      relationship(FOOTER_IDS.even, `${REL}/footer`, 'footer2.xml'),
    ]),
    'word/settings.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="${W_NS}">` +
      '<w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/><w:characterSpacingControl w:val="doNotCompress"/>' +
      '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>',
    'docProps/app.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
      '<Application>pinggu</Application></Properties>',
  };
}
