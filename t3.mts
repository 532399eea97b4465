import { readFileSync } from 'node:fs';
import { loadEditionFiles } from './src/data/load-edition-files.ts';
import { parseEdition } from './src/schema/edition.ts';
import { templateSheets } from './src/workbook/template-sheets.ts';
import { importWorkbook } from './src/workbook/import-workbook.ts';
import { formatWorkbookIssue } from './src/workbook/workbook-issue.ts';
import { formatDiff } from './src/diff/format-diff.ts';
for (const dir of ['data', 'tests/fixtures/small/data', 'tests/fixtures/other/data', 'tests/fixtures/hostile/data']) {
  const files = await loadEditionFiles(dir);
  const p = parseEdition(files);
  if ('issues' in p) throw new Error('bad');
  const sheets = templateSheets(p.edition).map((s) => ({ name: s.name, rows: s.rows }));
  const texts = new Map([...files.experiences, files.survey].map((f) => [f.file, readFileSync(f.file, 'utf8')]));
  const out = importWorkbook({ files, texts, sheets, kind: 'xlsx' });
  console.log(dir, out.status, out.status === 'ok' ? out.written.length : out.issues.map(formatWorkbookIssue));
  // change one score
  sheets[0]!.rows = sheets[0]!.rows.map((r) => [...r]);
  (sheets[0]!.rows[1] as any[])[4] = 50;
  (sheets[0]!.rows[2] as any[])[4] = null;
  const out2 = importWorkbook({ files, texts, sheets, kind: 'xlsx' });
  if (out2.status === 'ok') { console.log(out2.written.map(w => w.file), formatDiff(out2.diff)); }
  else console.log(out2.status, out2.status === 'refused' ? out2.issues.map(formatWorkbookIssue) : out2.issues);
}
