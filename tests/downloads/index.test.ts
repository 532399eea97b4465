import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import readExcelFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDownloads } from '../../src/downloads/index.ts';
import { chapterFileName } from '../../src/model/chapter-source.ts';
import { loadReport } from '../../src/model/load-report.ts';
import type { Report } from '../../src/model/types.ts';
import { renderChapters, type Chapter } from '../../src/site/render-chapters.ts';
import { parseCsv } from './parse-csv.ts';
import { csvNotes } from '../../src/downloads/csv.ts';
import { annexTable } from '../../src/downloads/annex-tables.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = path.join(root, 'tests/fixtures/small');
const HIDDEN = /[\u00A0\u00AD\u200B-\u200F\u2060\uFEFF]/;

describe('writeDownloads({ report, chapters, outputDir }) on the small fixture', () => {
  let out: string;
  let report: Report;
  let chapters: Chapter[];
  let written: Array<{ path: string; bytes: number }>;
  const read = (file: string) => readFile(path.join(out, file));
  const readText = (file: string) => readFile(path.join(out, file), 'utf8');

  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'pinggu-downloads-'));
    report = await loadReport({ dataDir: path.join(fixture, 'data') });
    chapters = renderChapters(path.join(fixture, 'content'), report);
    written = await writeDownloads({ report, chapters, outputDir: out });
  });

  afterAll(() => rm(out, { recursive: true, force: true }));

  it('writes every file the contract and the downloads page name, and reports their sizes', async () => {
    const expected = [
      'downloads/annex-1.csv',
      'downloads/annex-2.csv',
      'downloads/annex-3.csv',
      'downloads/report.txt',
      'downloads/annexes.txt',
      'downloads/report.docx',
      'downloads/annexes.xlsx',
      'data/report.json',
      ...chapters.map((c) => `downloads/${chapterFileName(c.slug)}`),
    ];
    expect(written.map((w) => w.path).sort()).toEqual(expected.sort());
    for (const w of written) expect((await read(w.path)).byteLength).toBe(w.bytes);
    expect((await readdir(path.join(out, 'downloads'))).length).toBe(expected.length - 1);
  });

  it('writes the annex CSVs with BOM, CRLF, the contract header and the model rows in rank order', async () => {
    const units = await read('downloads/annex-1.csv');
    expect([...units.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = units.toString('utf8');
    expect(text.split('\r\n').at(-1)).toBe('');
    expect(parseCsv(text.slice(1))).toEqual([
      ['排名', '单位', '得分'],
      ...report.units.map((u) => [String(u.rank), u.name, u.text]),
      ...csvNotes(report, annexTable(report, 1)).map((note) => [note, '', '']),
    ]);
    const ranked = report.departments.filter((d) => d.ranked);
    expect(parseCsv((await readText('downloads/annex-2.csv')).slice(1))).toEqual([
      ['排名', '牵头部门', '得分'],
      ...ranked.map((d) => [String(d.rank), d.name, d.text]),
      ...csvNotes(report, annexTable(report, 2)).map((note) => [note, '', '']),
    ]);
    expect(parseCsv((await readText('downloads/annex-3.csv')).slice(1))).toEqual([
      ['排名', '创新改革经验', '牵头部门', '得分'],
      ...report.experiences.map((e) => [String(e.rank), e.title, e.leadName, e.text]),
      ...csvNotes(report, annexTable(report, 3)).map((note) => [note, '', '', '']),
    ]);
    const scores = parseCsv((await readText('downloads/annex-1.csv')).slice(1)).slice(1, report.units.length + 1).map((r) => Number(r[2]));
    expect(scores).toEqual(report.units.map((u) => u.score));
  });

  it('writes report.txt with every chapter heading and annex row, and no hidden characters', async () => {
    const text = await readText('downloads/report.txt');
    expect(text).not.toMatch(HIDDEN);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const chapter of chapters) {
      expect(text).toContain(`\r\n${chapter.title}\r\n`);
      for (const h of chapter.headings) expect(text).toContain(`\r\n${h.text}\r\n`);
    }
    for (const u of report.units) expect(text).toMatch(new RegExp(`\\r\\n *${u.rank}  ${u.tied ? '并列' : '    '}  ${u.name} +${u.text}\\r\\n`));
    // figures of the narrative come through Nunjucks from the model
    expect(text).toContain(report.stats.experienceMean.text);
    expect(text.trimEnd().endsWith(`来源：${report.meta.evaluator}《${report.meta.title}》`)).toBe(true);
  });

  it('writes one text file per chapter, starting with its title', async () => {
    for (const chapter of chapters) {
      const text = await readText(`downloads/${chapterFileName(chapter.slug)}`);
      expect(text.startsWith(`${chapter.title}\r\n\r\n`)).toBe(true);
      expect(text).not.toMatch(HIDDEN);
    }
  });

  it('writes report.docx whose three tables equal the model and whose headings are the chapter titles', async () => {
    const xml = new TextDecoder().decode(unzipSync(await read('downloads/report.docx'))['word/document.xml']);
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, t]) =>
      [...t!.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([tr]) =>
        [...tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, tc]) => [...tc!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
      ),
    );
    expect(tables).toHaveLength(3);
    const tie = (item: { tied: boolean }) => (item.tied ? '并列' : '');
    expect(tables[0]!.slice(1)).toEqual(report.units.map((u) => [String(u.rank), tie(u), u.name, u.text]));
    expect(tables[2]!.slice(1)).toEqual(report.experiences.map((e) => [String(e.rank), tie(e), e.title, e.leadName, e.text]));
    for (const chapter of chapters) {
      expect(xml).toMatch(new RegExp(`<w:pStyle w:val="Heading1"/>[\\s\\S]*?<w:t[^>]*>${chapter.title}</w:t>`));
    }
  });

  it('writes annexes.xlsx whose annex sheets hold the model\'s ranks and printed scores as numbers', async () => {
    const sheets = await readExcelFile(await read('downloads/annexes.xlsx'));
    expect(sheets.map((s) => s.sheet)).toEqual(['附件1', '附件2', '附件3', '说明']);
    expect(sheets[0]!.data.slice(2).map((r) => [r[0], r[2], r[3]])).toEqual(report.units.map((u) => [u.rank, u.name, u.score]));
    expect(sheets[2]!.data.slice(2, 2 + report.experiences.length).map((r) => [r[0], r[2], r[3], r[4]])).toEqual(
      report.experiences.map((e) => [e.rank, e.title, e.leadName, e.score]),
    );
  });

  it('writes data/report.json as the computed model', async () => {
    const json = JSON.parse(await readText('data/report.json'));
    expect(json.units.map((u: { id: string; rank: number }) => [u.id, u.rank])).toEqual(report.units.map((u) => [u.id, u.rank]));
    expect((await readText('data/report.json')).endsWith('}\n')).toBe(true);
  });

  it('writes the same bytes when run again', async () => {
    const again = await mkdtemp(path.join(os.tmpdir(), 'pinggu-downloads-'));
    try {
      await writeDownloads({ report, chapters, outputDir: again });
      for (const w of written) expect((await readFile(path.join(again, w.path))).equals(await read(w.path))).toBe(true);
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });
});
