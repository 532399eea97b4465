/**
 * The thin adapter that writes every newsroom download of a build into the
 * output folder, after Eleventy has rendered the pages:
 *
 * - `downloads/annex-1.csv` … `annex-3.csv` (contract: BOM, CRLF)
 * - `downloads/report.txt` and `downloads/<chapter-slug>.txt`, `downloads/annexes.txt`
 * - `downloads/report.docx`, in the format of official documents (GB/T 9704)
 * - `downloads/annexes.xlsx`, the annexes with scores as numbers
 * - `data/report.json` (the computed model, `reportJson(report)`)
 *
 * Generators are pure (Report → text or bytes); only this file touches disk.
 */
import { mkdir, open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { reportJson } from '../model/report-json.ts';
import type { Report } from '../model/types.ts';
import { ANNEX_NUMBERS } from './annex-tables.ts';
import { chapterFileName, type ChapterSource } from '../model/chapter-source.ts';
import { annexCsv } from './csv.ts';
import { reportDocx } from './docx.ts';
import { annexesBlocks, chapterTextPieces, reportTextPieces, sourceLine } from './text.ts';
import { jsonChunks } from './json-chunks.ts';
import { annexesXlsx } from './xlsx.ts';
import { blocksText } from './markdown-text.ts';

/** One file of the downloads, by its path under the output folder. */
export interface DownloadFile {
  /** Path relative to the output folder, with `/` (`downloads/annex-1.csv`). */
  path: string;
  /** The text or bytes; a large text as pieces in order, made only as they are written. */
  contents: string | Uint8Array | Iterable<string>;
}

/**
 * Every download of a report as in-memory files, in a fixed order. Chapter
 * files are named by the chapter slug; `downloads/annexes.txt` holds the
 * three annex tables alone.
 *
 * @example
 * (await downloadFiles(report, chapters)).map((f) => f.path)
 * // → ['downloads/annex-1.csv', …, 'downloads/report.txt', 'downloads/features.txt', …, 'data/report.json']
 */
export async function downloadFiles(report: Report, chapters: ChapterSource[]): Promise<DownloadFile[]> {
  const files: DownloadFile[] = [];
  for (const { path, make } of downloadMakers(report, chapters)) files.push({ path, contents: await make() });
  return files;
}

/** Every download by its path, each made only when asked for, in the order of {@link downloadFiles}. */
function downloadMakers(report: Report, chapters: ChapterSource[]): Array<{ path: string; make: () => DownloadFile['contents'] | Promise<DownloadFile['contents']> }> {
  return [
    ...ANNEX_NUMBERS.map((n) => ({ path: `downloads/annex-${n}.csv`, make: () => annexCsv(report, n) })),
    { path: 'downloads/report.txt', make: () => reportTextPieces(report, chapters) },
    ...chapters.map((c) => ({ path: `downloads/${chapterFileName(c.slug)}`, make: () => chapterTextPieces(report, c) })),
    { path: 'downloads/annexes.txt', make: () => annexesText(report) },
    { path: 'downloads/report.docx', make: () => reportDocx(report, chapters) },
    { path: 'downloads/annexes.xlsx', make: () => annexesXlsx(report) },
    // As pieces: at 50× scale the text is 239 MB, and as one string it took 456 MiB of heap.
    { path: 'data/report.json', make: () => reportJsonText(report) },
  ];
}

/** `downloads/annexes.txt`: the three annex tables and the source line, CRLF. */
function annexesText(report: Report): string {
  return `${blocksText([...annexesBlocks(report), { kind: 'paragraph', level: 0, text: sourceLine(report) }])
    .split('\n')
    .join('\r\n')}\r\n`;
}

/**
 * Writes every download of `report` into `outputDir` (creating folders) and
 * returns the written files with their sizes in bytes. Existing files of
 * the same names are replaced; nothing else in `outputDir` is touched.
 * Each file is made just before it is written, so only one is held in
 * memory at a time, and between two files the search index gets its turn.
 *
 * @example
 * await writeDownloads({ report, chapters, outputDir: '_site' });
 * // → [{ path: 'downloads/annex-1.csv', bytes: 312 }, …]
 */
export async function writeDownloads({
  report,
  chapters,
  outputDir,
}: {
  report: Report;
  chapters: ChapterSource[];
  outputDir: string;
}): Promise<Array<{ path: string; bytes: number }>> {
  const written: Array<{ path: string; bytes: number }> = [];
  for (const file of downloadMakers(report, chapters)) {
    const contents = await file.make();
    const target = path.join(outputDir, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    let bytes: number;
    if (typeof contents === 'string' || contents instanceof Uint8Array) {
      const data = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
      await writeFile(target, data);
      bytes = data.byteLength;
    } else {
      bytes = await writePieces(target, contents);
    }
    written.push({ path: file.path, bytes });
  }
  return written;
}

/** `JSON.stringify(reportJson(report), null, 2)` and a final newline, in pieces, computed on first use. */
function* reportJsonText(report: Report): Generator<string> {
  yield* jsonChunks(reportJson(report), 2);
  yield '\n';
}

/** Writes text pieces to `target` in UTF-8, about a megabyte at a time; returns the bytes written. */
async function writePieces(target: string, pieces: Iterable<string>): Promise<number> {
  const handle = await open(target, 'w');
  let bytes = 0;
  try {
    let batch: string[] = [];
    let length = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const data = Buffer.from(batch.join(''), 'utf8');
      batch = [];
      length = 0;
      // write() may take fewer bytes than given; go on from where it stopped.
      for (let offset = 0; offset < data.byteLength; ) offset += (await handle.write(data, offset)).bytesWritten;
      bytes += data.byteLength;
    };
    for (const piece of pieces) {
      batch.push(piece);
      length += piece.length;
      if (length >= 1 << 20) await flush();
    }
    await flush();
  } finally {
    await handle.close();
  }
  return bytes;
}
