/**
 * The few pieces of WordprocessingML (ECMA-376, transitional) the Word
 * download is made of, as strings: paragraphs, runs, tables, the styles
 * part and the package's fixed parts. Pure functions, no I/O; `docx.ts`
 * assembles them and zips the package.
 *
 * Written by hand rather than with the `docx` package, which costs about
 * 0.15 s per build on its first (cold) use for this report and zips with
 * the current time, so its output had to be unzipped and zipped again to be
 * byte-identical (docs/performance.md).
 */

/** The main WordprocessingML namespace. */
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

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

/** East Asian and Latin fonts of a run (`w:rFonts`). */
export interface RunFonts {
  ascii: string;
  eastAsia: string;
}

function rFonts({ ascii, eastAsia }: RunFonts): string {
  const a = xmlText(ascii);
  return `<w:rFonts w:ascii="${a}" w:hAnsi="${a}" w:eastAsia="${xmlText(eastAsia)}" w:cs="${a}"/>`;
}

/**
 * One run of text; spaces at either end are kept (`xml:space="preserve"`).
 * An empty text gives an empty string (no run).
 *
 * @example
 * run('甲', { bold: true }) // → '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">甲</w:t></w:r>'
 */
export function run(text: string, { bold = false } = {}): string {
  if (text === '') return '';
  return `<w:r>${bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

/** Paragraph properties {@link paragraph} understands. */
export interface ParagraphOptions {
  /** Style id (`Title`, `Heading1` … `Heading6`); default the Normal style. */
  style?: string;
  align?: 'left' | 'center' | 'right';
  /** Indent the first line by two characters, as Chinese body text is set. */
  firstLineIndent?: boolean;
  bold?: boolean;
}

/**
 * One paragraph holding one run of `text`.
 *
 * @example
 * paragraph('一、主要特点', { style: 'Heading1' })
 * // → '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">一、主要特点</w:t></w:r></w:p>'
 */
export function paragraph(text: string, { style, align, firstLineIndent = false, bold = false }: ParagraphOptions = {}): string {
  const props =
    (style ? `<w:pStyle w:val="${xmlText(style)}"/>` : '') +
    (firstLineIndent ? '<w:ind w:firstLineChars="200" w:firstLine="480"/>' : '') +
    (align ? `<w:jc w:val="${align}"/>` : '');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${run(text, { bold })}</w:p>`;
}

/** A table for {@link table}: header cells, body rows, and which columns are numbers (set right-aligned). */
export interface WordTable {
  columns: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
  numeric: readonly boolean[];
  /** Column widths in twentieths of a point, summing to the text width. */
  widths: readonly number[];
}

/**
 * A bordered table (style `TableGrid`) across the text width, its header
 * row repeated on every page (`w:tblHeader`) and set in bold.
 *
 * @example
 * table({ columns: ['排名'], rows: [['1']], numeric: [true], widths: [8306] }) // '<w:tbl>…</w:tbl>'
 */
export function table({ columns, rows, numeric, widths }: WordTable): string {
  const cell = (text: string, i: number, bold: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:w="${widths[i] ?? 0}" w:type="dxa"/></w:tcPr>${paragraph(text, {
      align: numeric[i] ? 'right' : 'left',
      bold,
    })}</w:tc>`;
  const header = `<w:tr><w:trPr><w:tblHeader/></w:trPr>${columns.map((c, i) => cell(c, i, true)).join('')}</w:tr>`;
  const body = rows.map((row) => `<w:tr>${row.map((c, i) => cell(c, i, false)).join('')}</w:tr>`).join('');
  return (
    '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/>' +
    '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>' +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${header}${body}</w:tbl>`
  );
}

/** A4 portrait with the margins of Chinese official documents, in twentieths of a point. */
export const PAGE = { width: 11906, height: 16838, top: 1440, bottom: 1440, left: 1800, right: 1800 } as const;

/** The width text runs in on {@link PAGE}. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/**
 * `word/document.xml` around body content (paragraphs and tables), with
 * the page size and margins of {@link PAGE}.
 *
 * @example
 * documentXml(paragraph('正文')) // '<?xml …?><w:document …><w:body><w:p>…</w:p><w:sectPr>…</w:sectPr></w:body></w:document>'
 */
export function documentXml(body: string): string {
  return [...documentXmlPieces([body])].join('');
}

/**
 * {@link documentXml} around body content given in pieces, itself in
 * pieces: the document of a long report need never be one string (a
 * JavaScript string holds at most about 2^29 characters).
 *
 * @example
 * [...documentXmlPieces([paragraph('甲'), paragraph('乙')])].join('') // '<?xml …?><w:document …><w:body><w:p>…'
 */
export function* documentXmlPieces(body: Iterable<string>): Generator<string> {
  const { width, height, top, bottom, left, right } = PAGE;
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}"><w:body>`;
  yield* body;
  yield (
    `<w:sectPr><w:pgSz w:w="${width}" w:h="${height}"/><w:pgMar w:top="${top}" w:right="${right}" w:bottom="${bottom}" ` +
    `w:left="${left}" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`
  );
}

/** Font sizes in half-points and fonts for {@link stylesXml}. */
export interface StyleSheet {
  body: RunFonts;
  heading: RunFonts;
  /** Body text size in half-points (24 = 小四, 12 pt). */
  bodySize: number;
  titleSize: number;
  /** Sizes of Heading 1, 2, … in half-points; deeper levels take the last. */
  headingSizes: readonly number[];
}

/** How many heading levels the styles define (Word's built-in `heading 1` … `heading 6`). */
export const HEADING_LEVELS = 6;

/**
 * `word/styles.xml`: the document defaults (body font as the East Asian
 * font, Chinese language), Normal, Title, Heading 1–6 (bold, in the
 * heading font, with outline levels so Word's navigation pane lists them)
 * and a bordered table style.
 *
 * @example
 * stylesXml({ body, heading, bodySize: 24, titleSize: 36, headingSizes: [32, 28, 24] }) // '<?xml …?><w:styles …>…</w:styles>'
 */
export function stylesXml({ body, heading, bodySize, titleSize, headingSizes }: StyleSheet): string {
  const headingRun = (size: number) => `<w:rPr>${rFonts(heading)}<w:b/><w:bCs/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
  const headings = Array.from({ length: HEADING_LEVELS }, (_, i) => {
    const size = headingSizes[Math.min(i, headingSizes.length - 1)] ?? bodySize;
    return (
      `<w:style w:type="paragraph" w:styleId="Heading${i + 1}"><w:name w:val="heading ${i + 1}"/><w:basedOn w:val="Normal"/>` +
      `<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>` +
      `<w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="${i}"/></w:pPr>${headingRun(size)}</w:style>`
    );
  }).join('');
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W_NS}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${rFonts(body)}<w:sz w:val="${bodySize}"/><w:szCs w:val="${bodySize}"/>` +
    '<w:lang w:val="zh-CN" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>' +
    `<w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:spacing w:before="240" w:after="240"/><w:jc w:val="center"/></w:pPr>${headingRun(titleSize)}</w:style>` +
    headings +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>' +
    '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>' +
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>' +
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>' +
    `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders></w:tblPr></w:style>` +
    '</w:styles>'
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

/**
 * The parts every package of ours has besides the document, the styles and
 * the core properties: content types, package and document relationships,
 * settings and the application properties, by path.
 *
 * @example
 * Object.keys(packageParts()) // ['[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels', 'word/settings.xml', 'docProps/app.xml']
 */
export function packageParts(): Record<string, string> {
  const type = (name: string) => `application/vnd.openxmlformats-officedocument.${name}+xml`;
  const override = (part: string, contentType: string) => `<Override PartName="${part}" ContentType="${contentType}"/>`;
  return {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      override('/word/document.xml', type('wordprocessingml.document.main')) +
      override('/word/styles.xml', type('wordprocessingml.styles')) +
      override('/word/settings.xml', type('wordprocessingml.settings')) +
      override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
      override('/docProps/app.xml', type('extended-properties')) +
      '</Types>',
    '_rels/.rels': relationships([
      relationship('rId1', `${REL}/officeDocument`, 'word/document.xml'),
      relationship('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'),
      relationship('rId3', `${REL}/extended-properties`, 'docProps/app.xml'),
    ]),
    'word/_rels/document.xml.rels': relationships([
      relationship('rId1', `${REL}/styles`, 'styles.xml'),
      relationship('rId2', `${REL}/settings`, 'settings.xml'),
    ]),
    'word/settings.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="${W_NS}">` +
      '<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>' +
      '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>',
    'docProps/app.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
      '<Application>pinggu</Application></Properties>',
  };
}
