/**
 * `npm run check`: validates an edition (REPORT_DATA, default `data/`, and
 * its chapters, REPORT_CONTENT, default `content/`) without building.
 * Prints how many errors there are and the first hundred (file:line:col
 * field: 说明) and exits 1, or prints a short summary and any warnings and
 * exits 0. Chapters are rendered as the build renders them, so every mistake
 * in one (an unknown value, a tag or filter outside the chapter language, a
 * limit) shows here too. A missing data or chapters folder, or a file in its
 * place, is an error.
 *
 * It installs no signal handler: it writes nothing, so Ctrl-C and SIGTERM
 * end it at once with the default action, whatever it is doing. It also
 * ends when the process that started it does (npm killed by SIGTERM
 * leaves the command it ran through `sh -c` behind).
 */
import { EditionError, formatIssues, groupDigits } from '../src/data/errors.ts';
import { loadEditionFiles } from '../src/data/load-edition-files.ts';
import { computeReport } from '../src/model/compute-report.ts';
import { parseEdition } from '../src/schema/edition.ts';
import { ChapterError, renderChapters } from '../src/site/render-chapters.ts';
import { folderSetting } from './lib/edition-folders.ts';
import { watchParent } from './lib/processes.ts';

async function main(): Promise<number> {
  let dataDir: string;
  let contentDir: string;
  try {
    dataDir = folderSetting(process.env, 'REPORT_DATA') ?? 'data';
    contentDir = folderSetting(process.env, 'REPORT_CONTENT') ?? 'content';
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  let files;
  try {
    files = await loadEditionFiles(dataDir);
  } catch (error) {
    // The data folder itself is missing or not a folder.
    if (!(error instanceof EditionError)) throw error;
    console.error(`${dataDir} 无法检查：`);
    console.error(error.message);
    return 1;
  }
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

watchParent(() => process.kill(process.pid, 'SIGTERM'));
process.exitCode = await main();
