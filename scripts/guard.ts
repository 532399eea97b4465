/**
 * `scripts/guard.ts <outDir> <pid>`: the guardian that
 * `npm run build` and `npm start` start beside themselves
 * (`scripts/lib/guardian.ts`). Not for people to run.
 *
 * When the command has ended it kills what is left of the command's
 * children and deletes its staging folders; if it deleted or restored a
 * folder, the command was interrupted, and it says so on stderr.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runGuardian } from './lib/guardian.ts';

async function main(): Promise<void> {
  const [outDir, pid] = process.argv.slice(2);
  const commandPid = Number(pid);
  if (!outDir || !Number.isInteger(commandPid) || commandPid <= 0) {
    process.stderr.write('用法: node --import ./scripts/loader/register.mjs scripts/guard.ts <输出目录> <进程号> (usage: guard.ts <outDir> <pid>)\n');
    process.exitCode = 2;
    return;
  }
  // Outlive the command: a signal meant for it (or for the whole terminal) must not stop its clean-up.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => undefined);
  const report = await runGuardian({ outDir: path.resolve(outDir), commandPid });
  // Folders left behind are the mark of an interrupted command: one that ended on its own published or
  // discarded its staging folder. The children killed may be ones already on their way out after a good run.
  if (report.removed.length > 0 || report.restored) {
    process.stderr.write(
      `\n已中断：已删除临时文件夹 ${report.removed.join('、')}` +
        `${report.restored ? `；已放回原网站 ${report.restored}` : ''}；已发布的网站未被改动 (interrupted; cleaned up)\n`,
    );
  }
  for (const folder of report.kept) process.stderr.write(`提示: ${folder} 未删除：无法证明它由本次构建创建\n`);
  process.exit(0);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) await main();
