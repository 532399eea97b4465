/**
 * `npm run check`: validates an edition (REPORT_DATA, default `data/`, and
 * its chapters, REPORT_CONTENT, default `content/`) without building.
 * Prints how many errors there are and the first hundred (file:line:col
 * field: 说明) and exits 1, or prints a short summary and any warnings and
 * exits 0. Chapters are rendered as the build renders them, so every mistake
 * in one (an unknown value, a tag or filter outside the chapter language, a
 * limit) shows here too.
 */
import { EditionError, formatIssues, groupDigits } from '../src/data/errors.ts';
import { loadEditionFiles } from '../src/data/load-edition-files.ts';
import { computeReport } from '../src/model/compute-report.ts';
import { parseEdition } from '../src/schema/edition.ts';
import { ChapterError, renderChapters } from '../src/site/render-chapters.ts';

const dataDir = process.env.REPORT_DATA ?? 'data';
const contentDir = process.env.REPORT_CONTENT ?? 'content';

async function main(): Promise<number> {
  const files = await loadEditionFiles(dataDir);
  const parsed = parseEdition(files);
  if ('issues' in parsed) {
    console.error(`${dataDir} 有 ${groupDigits(parsed.issues.length)} 处错误：`);
    console.error(formatIssues(parsed.issues));
    return 1;
  }
  let report;
  try {
    report = computeReport(parsed.edition);
  } catch (error) {
    if (error instanceof EditionError) {
      console.error(`${dataDir} 有 ${error.issues.length} 处印刷数字与计算结果不符：`);
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  let chapters;
  try {
    chapters = renderChapters(contentDir, report);
  } catch (error) {
    if (error instanceof ChapterError) {
      console.error(`${contentDir} 有 ${error.issues.length} 处正文错误：`);
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const c = report.stats.counts;
  const ok = report.reconciliation.length;
  console.log(
    `${dataDir} 检查通过：${c.experiences} 项经验、${c.units} 个单位、${c.departments} 个牵头部门（${c.rankedDepartments} 个参与排名）、` +
      `${c.methods} 种评估方式、${report.scenarios.length} 种敏感性情形；${ok} 个印刷数字全部与计算结果一致；${contentDir} 中 ${chapters.length} 章正文均可生成。`,
  );
  for (const warning of report.warnings) console.warn(`提示：${warning}`);
  return 0;
}

process.exitCode = await main();
