/**
 * LibreOffice and poppler for the tests that open the downloads in a real
 * office suite: where they are, whether those tests may skip (only outside
 * CI, as the browser tests), and a conversion to PDF that cannot collide
 * with another run.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { fontconfigXml } from '../../src/downloads/fontconfig.ts';

const run = promisify(execFile);

/** The programs the tests call, by the paths Debian installs them at. */
export const officeTools = {
  soffice: '/usr/bin/soffice',
  pdfinfo: '/usr/bin/pdfinfo',
  pdftotext: '/usr/bin/pdftotext',
  pdffonts: '/usr/bin/pdffonts',
} as const;

/**
 * Whether the LibreOffice suites should be skipped: only when LibreOffice
 * or poppler is missing outside CI. In CI a missing tool throws, so the
 * suite fails instead of passing by skipping. The arguments exist so the
 * rule itself can be tested.
 *
 * @example
 * describe.skipIf(skipOffice())('the Word file in LibreOffice', () => { … });
 * skipOffice({ missing: ['/usr/bin/soffice'], ci: undefined }); // true
 */
export function skipOffice(given: { missing?: string[]; ci?: string | undefined } = {}): boolean {
  const missing = 'missing' in given ? given.missing! : Object.values(officeTools).filter((tool) => !existsSync(tool));
  const ci = 'ci' in given ? given.ci : process.env.CI;
  if (missing.length === 0) return false;
  if (ci && ci !== 'false' && ci !== '0') {
    throw new Error(`CI 环境缺少 ${missing.join('、')} (LibreOffice and poppler-utils are required in CI; run .ci/run or apt-get install libreoffice-writer libreoffice-calc poppler-utils)`);
  }
  if (!('missing' in given)) console.warn(`跳过 LibreOffice 测试：缺少 ${missing.join('、')} (skipping the LibreOffice tests: apt-get install libreoffice-writer libreoffice-calc poppler-utils)`);
  return true;
}

/**
 * Converts office files to PDF with headless LibreOffice, in one start
 * (the first start of a profile takes seconds): a private profile in
 * `dir` so parallel runs never share one, and fontconfig given the
 * stand-ins of `docs/official-format.fonts.conf` on top of the system's
 * fonts, as a Linux reader who follows the docs has them. Returns the PDF
 * paths in the order of `files`.
 *
 * @example
 * const [pdf] = await convertToPdf(['/tmp/x/report.docx'], '/tmp/x');
 */
export async function convertToPdf(files: string[], dir: string): Promise<string[]> {
  const fonts = path.join(dir, 'fonts');
  await mkdir(fonts, { recursive: true });
  await writeFile(path.join(fonts, 'official.conf'), fontconfigXml());
  await writeFile(
    path.join(fonts, 'fonts.conf'),
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n' +
      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n' +
      `  <include>${path.join(fonts, 'official.conf')}</include>\n` +
      `  <cachedir>${path.join(fonts, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  const profile = `file://${path.join(dir, 'profile')}`;
  await run(officeTools.soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files], {
    timeout: 240_000,
    env: { ...process.env, FONTCONFIG_FILE: path.join(fonts, 'fonts.conf'), HOME: dir },
  });
  const pdfs = files.map((f) => path.join(dir, `${path.basename(f, path.extname(f))}.pdf`));
  for (const pdf of pdfs) if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no ${pdf}`);
  return pdfs;
}

/**
 * The text of each page of a PDF, laid out as on the page (`pdftotext -layout`).
 *
 * @example
 * (await pdfPages('report.pdf'))[0].includes('— 1 —') // true
 */
export async function pdfPages(pdf: string): Promise<string[]> {
  const { stdout } = await run(officeTools.pdftotext, ['-layout', pdf, '-'], { maxBuffer: 64 << 20 });
  const pages = stdout.split('\f');
  if (pages.at(-1)!.trim() === '') pages.pop();
  return pages;
}

/**
 * The number of pages of a PDF, from `pdfinfo`.
 *
 * @example
 * await pdfPageCount('report.pdf') // 16
 */
export async function pdfPageCount(pdf: string): Promise<number> {
  const { stdout } = await run(officeTools.pdfinfo, [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? Number.NaN);
}

/**
 * The fonts of a PDF as `pdffonts` lists them: name and whether embedded.
 *
 * @example
 * (await pdfFonts('report.pdf')).every((f) => f.embedded) // true
 */
export async function pdfFonts(pdf: string): Promise<Array<{ name: string; embedded: boolean }>> {
  const { stdout } = await run(officeTools.pdffonts, [pdf]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      // name, type (one or two words), encoding, emb, sub, uni, object, id: read from the end.
      return { name: cells[0]!, embedded: cells.at(-5) === 'yes' };
    });
}

/**
 * Where words of one page of a PDF sit (`pdftotext -bbox`), in points from
 * the top left, with the page's size.
 *
 * @example
 * (await pdfWords('report.pdf', 2)).words.find((w) => w.text === '—')
 */
export async function pdfWords(pdf: string, page: number): Promise<{ width: number; height: number; words: Array<{ text: string; xMin: number; yMin: number; xMax: number; yMax: number }> }> {
  const { stdout } = await run(officeTools.pdftotext, ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { maxBuffer: 64 << 20 });
  const size = /<page width="([\d.]+)" height="([\d.]+)">/.exec(stdout);
  const words = [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
  }));
  return { width: Number(size?.[1]), height: Number(size?.[2]), words };
}
