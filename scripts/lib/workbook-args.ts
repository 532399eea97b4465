/**
 * The command line of `npm run template` and `npm run import`: one file,
 * `--data <dir>` (or `REPORT_DATA`, default `data`), and each command's own flags.
 */

/** What the two workbook commands take. */
export interface WorkbookArgs {
  file: string;
  dataDir: string;
  /** Flags given, without their dashes (`force`, `dry-run`). */
  flags: Set<string>;
}

/**
 * Reads `<file> [--data <dir>] [--flag…]`; throws an Error with a Chinese
 * usage line for anything else.
 *
 * @example
 * parseWorkbookArgs(['scores.xlsx', '--data', 'tests/fixtures/small/data'], { usage: 'npm run import -- <file>', flags: ['dry-run'] })
 * // { file: 'scores.xlsx', dataDir: 'tests/fixtures/small/data', flags: Set {} }
 */
export function parseWorkbookArgs(argv: readonly string[], options: { usage: string; flags: readonly string[]; env?: NodeJS.ProcessEnv }): WorkbookArgs {
  const fail = (why: string) => new Error(`${why}。用法: ${options.usage}`);
  let file: string | undefined;
  let dataDir: string | undefined;
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data' || arg.startsWith('--data=')) {
      dataDir = arg.includes('=') ? arg.slice('--data='.length) : argv[++i];
      if (!dataDir) throw fail('参数 --data 缺少路径 (missing value for --data)');
    } else if (arg.startsWith('--') && options.flags.includes(arg.slice(2))) flags.add(arg.slice(2));
    else if (arg.startsWith('-')) throw fail(`未知参数 ${arg} (unknown argument)`);
    else if (file === undefined) file = arg;
    else throw fail(`只能给一个文件，多了 ${arg} (expected one file)`);
  }
  if (file === undefined) throw fail('缺少文件名 (missing file)');
  return { file, dataDir: dataDir ?? options.env?.REPORT_DATA ?? 'data', flags };
}
