/**
 * The folders a command is pointed at (`REPORT_DATA`, `REPORT_CONTENT`,
 * `SITE_DIR`, `--data`, `--content`, `--out`), read and checked before any
 * work: an empty setting or a missing edition folder is an error with a
 * Chinese message, never an empty report.
 */
import path from 'node:path';
import { EditionFileError, listEditionFolderSync } from '../../src/data/read-edition-file.ts';

/**
 * A folder setting from the environment: undefined when unset, the value
 * otherwise. An empty value is refused: `SITE_DIR=` more likely means a
 * variable that was never filled in than "the working directory".
 *
 * @example
 * folderSetting({ SITE_DIR: '/tmp/site' }, 'SITE_DIR') // '/tmp/site'
 * folderSetting({}, 'SITE_DIR')                        // undefined
 * folderSetting({ SITE_DIR: '' }, 'SITE_DIR')
 * // throws '环境变量 SITE_DIR 为空：请给出文件夹路径，或不设置它以使用默认文件夹 (SITE_DIR is empty)'
 */
export function folderSetting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new Error(`环境变量 ${name} 为空：请给出文件夹路径，或不设置它以使用默认文件夹 (${name} is empty)`);
  return value;
}

/**
 * Checks that the edition's data and chapters folders exist and are
 * folders (links resolved), naming the one that is not. Their files are
 * checked one by one when they are read.
 *
 * @example
 * checkEditionFolders({ dataDir: 'data', contentDir: 'no-such' });
 * // throws '章节文件夹 no-such 不存在 (REPORT_CONTENT / --content: expected a folder, found nothing)'
 */
export function checkEditionFolders({ dataDir, contentDir }: { dataDir: string; contentDir: string }): void {
  for (const [dir, label, setting] of [
    [dataDir, '数据文件夹', 'REPORT_DATA / --data'],
    [contentDir, '章节文件夹', 'REPORT_CONTENT / --content'],
  ] as const) {
    try {
      listEditionFolderSync(path.resolve(dir));
    } catch (error) {
      if (!(error instanceof EditionFileError)) throw error;
      if (error.problem === 'missing') throw new Error(`${label} ${dir} 不存在 (${setting}: expected a folder, found nothing)`);
      throw new Error(`${label} ${dir} 无法使用：${error.reason} (${setting})`);
    }
  }
}

/**
 * The edition a command works on when no folder is given on its command
 * line: `REPORT_DATA` and `REPORT_CONTENT` (default `data` and `content`,
 * relative to the working directory), checked to be folders.
 *
 * @example
 * editionFolders({ REPORT_DATA: 'tests/fixtures/small/data', REPORT_CONTENT: 'tests/fixtures/small/content' });
 * // { dataDir: 'tests/fixtures/small/data', contentDir: 'tests/fixtures/small/content' }
 * editionFolders({}); // { dataDir: 'data', contentDir: 'content' }
 */
export function editionFolders(env: NodeJS.ProcessEnv): { dataDir: string; contentDir: string } {
  const folders = { dataDir: folderSetting(env, 'REPORT_DATA') ?? 'data', contentDir: folderSetting(env, 'REPORT_CONTENT') ?? 'content' };
  checkEditionFolders(folders);
  return folders;
}
