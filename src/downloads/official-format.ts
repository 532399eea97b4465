/**
 * The measures of GB/T 9704-2012 (党政机关公文格式) the Word download is
 * set in: A4 paper, the text block, the document grid, type sizes by their
 * Chinese names and the official typefaces with the fonts that stand in
 * for them where they are missing. Plain numbers in Word's units
 * (twentieths of a point, "twips"; sizes in half-points), no XML.
 */

/** Twentieths of a point in a millimetre (1 in = 25.4 mm = 1440 twips). */
const TWIPS_PER_MM = 1440 / 25.4;

/**
 * Millimetres as twentieths of a point, to the nearest one.
 *
 * @example
 * mm(37) // → 2098
 */
export function mm(value: number): number {
  return Math.round(value * TWIPS_PER_MM);
}

/**
 * Chinese type sizes (字号) in half-points, as `w:sz` takes them: 二号 22 pt,
 * 三号 16 pt, 四号 14 pt, 小四 12 pt.
 */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24 } as const;

/**
 * The page (GB/T 9704 5.2): A4, 天头 (top margin) 37 mm, 订口 (left
 * margin) 28 mm, a text block of 156 × 225 mm, so 35 mm at the bottom and
 * 26 mm at the right. The footer sits 25 mm above the paper's edge: the
 * middle of a 四号 line is then about 7 mm below the text block, where the
 * standard puts the page number's dashes (7.5).
 */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  left: mm(28),
  right: mm(210 - 28 - 156),
  bottom: mm(297 - 37 - 225),
  header: mm(15),
  footer: mm(25),
} as const;

/** Width of the text block, `PAGE.width` less both margins (156 mm). */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** Height of the text block, `PAGE.height` less both margins (225 mm). */
export const TEXT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;

/** Lines a page holds and characters a line holds (GB/T 9704 5.2.2: 每面排22行，每行排28个字). */
export const GRID = { lines: 22, characters: 28 } as const;

/**
 * The document grid (`w:docGrid`, type `linesAndChars`) that sets 22 lines
 * of 28 characters in the text block: the line pitch is the text height
 * over 22, and the character pitch, in 4096ths of a point added to the
 * body size, is the text width over 28 less the body size. Both are
 * rounded down so that the 22nd line and the 28th character still fit.
 *
 * @example
 * documentGrid({ width: 8845, height: 12756, bodySize: 32 }) // → { linePitch: 579, charSpace: -842 }
 */
export function documentGrid({ width, height, bodySize }: { width: number; height: number; bodySize: number }): {
  linePitch: number;
  charSpace: number;
} {
  const pitchPoints = width / GRID.characters / 20;
  return {
    linePitch: Math.floor(height / GRID.lines),
    charSpace: Math.floor((pitchPoints - bodySize / 2) * 4096),
  };
}

/**
 * The width one character of body text takes on the grid, in twentieths of
 * a point: what "two characters" of indent or "右空二字" mean in this
 * document.
 */
export const CHARACTER = TEXT_WIDTH / GRID.characters;

/**
 * The character spacing of body text, in twentieths of a point: 三号 is 16
 * pt, and 28 of them are 448 pt on a 442 pt line, so each character gives
 * up what the grid's pitch ({@link CHARACTER}) lacks, and one twip more
 * because LibreOffice rounds each advance to its own units. Paragraphs
 * keep to the grid by this spacing and by exact line spacing rather than
 * by snapping to it: LibreOffice snaps a 16 pt character to two cells of a
 * 15.8 pt character grid, and sets 14 characters a line.
 */
export const CHARACTER_SPACING = Math.floor(CHARACTER - SIZE.sanhao * 10) - 1;

/**
 * `n` characters of the grid in twentieths of a point, rounded, for the
 * indents Word reads in twips (LibreOffice reads only those) beside the
 * same indent in hundredths of a character (`w:firstLineChars` …), which
 * Word prefers.
 *
 * @example
 * characters(2) // → { twips: 632, chars: 200 }
 */
export function characters(n: number): { twips: number; chars: number } {
  return { twips: Math.round(n * CHARACTER), chars: Math.round(n * 100) };
}

/** An official typeface: the name Word and WPS know it by, the name to try next, and what stands in for it on Linux. */
export interface OfficialFont {
  /** The name in `w:rFonts`, as Chinese Windows and WPS install it (仿宋_GB2312). */
  name: string;
  /** The font table's `w:altName`: the face Windows ships when the first is missing (仿宋). */
  altName: string;
  /** Other names the same face goes by (English, older versions), which the Linux rules cover too. */
  aliases: readonly string[];
  /** `w:family` in the font table, which Word uses to choose a substitute. */
  family: 'roman' | 'swiss' | 'script';
  /** Fonts of Debian's `fonts-arphic-*` and `fonts-noto-cjk` that stand in for it, best first (see `fontconfig.ts`). */
  linux: readonly string[];
  /** Whether the stand-in is taken bold: a heavy display face (小标宋) has no regular-weight likeness. */
  linuxBold?: boolean;
}

/**
 * The typefaces of GB/T 9704 and their stand-ins. 仿宋 is a light, narrow
 * Song; AR PL UMing (a light Ming) is closest to it on Linux, Noto Serif
 * CJK next. 楷体 is the brush face, AR PL UKai. 小标宋 is a heavy Song: Noto
 * Serif CJK in bold. 黑体 is Noto Sans CJK. 宋体 is Noto Serif CJK.
 */
export const FONTS = {
  fangsong: {
    name: '仿宋_GB2312',
    altName: '仿宋',
    aliases: ['FangSong_GB2312', 'FangSong'],
    family: 'roman',
    linux: ['AR PL UMing CN', 'Noto Serif CJK SC'],
  },
  kaiti: { name: '楷体_GB2312', altName: '楷体', aliases: ['KaiTi_GB2312', 'KaiTi'], family: 'script', linux: ['AR PL UKai CN', 'Noto Serif CJK SC'] },
  heiti: { name: '黑体', altName: 'SimHei', aliases: [], family: 'swiss', linux: ['Noto Sans CJK SC'] },
  songti: { name: '宋体', altName: 'SimSun', aliases: [], family: 'roman', linux: ['Noto Serif CJK SC', 'AR PL UMing CN'] },
  xiaobiaosong: {
    name: '方正小标宋简体',
    altName: '宋体',
    aliases: ['FZXiaoBiaoSong-B05S'],
    family: 'roman',
    linux: ['Noto Serif CJK SC'],
    linuxBold: true,
  },
} as const satisfies Record<string, OfficialFont>;
