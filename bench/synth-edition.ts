/**
 * Write a synthetic edition folder for benchmarks and tests.
 *
 *   node --import ./scripts/loader/register.mjs bench/synth-edition.ts --experiences 200 --units 90 --out /tmp/ed10x
 *   [--methods 5] [--departments 170] [--seed 2017] [--uncertainty-draws 10000]
 *
 * Builds it with `REPORT_DATA=/tmp/ed10x/data REPORT_CONTENT=/tmp/ed10x/content npm run build`.
 * The folder is replaced if it exists.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateEdition } from './synth/generate-edition.ts';
import type { SynthOptions } from './synth/generate-edition-data.ts';

/**
 * Write every file of a synthetic edition under `outDir` (emptied first) and
 * return the number of files written.
 *
 * @example
 * await writeSyntheticEdition({ experiences: 20, units: 9 }, '/tmp/ed'); // 29 (6 data files, 20 experiences, 3 chapters)
 */
export async function writeSyntheticEdition(options: SynthOptions, outDir: string): Promise<number> {
  const files = generateEdition(options);
  await rm(outDir, { recursive: true, force: true });
  const dirs = new Set([...files.keys()].map((path) => dirname(join(outDir, path))));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  await Promise.all([...files].map(([path, text]) => writeFile(join(outDir, path), text, 'utf8')));
  return files.size;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      experiences: { type: 'string' },
      units: { type: 'string' },
      methods: { type: 'string' },
      departments: { type: 'string' },
      seed: { type: 'string' },
      'uncertainty-draws': { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (!values.experiences || !values.units || !values.out) {
    console.error('用法: node --import ./scripts/loader/register.mjs bench/synth-edition.ts --experiences N --units M --out DIR [--methods K] [--departments D] [--seed S] [--uncertainty-draws N]');
    process.exit(2);
  }
  const options: SynthOptions = {
    experiences: Number(values.experiences),
    units: Number(values.units),
    ...(values.methods ? { methods: Number(values.methods) } : {}),
    ...(values.departments ? { departments: Number(values.departments) } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    ...(values['uncertainty-draws'] ? { uncertaintyDraws: Number(values['uncertainty-draws']) } : {}),
  };
  const outDir = resolve(values.out);
  const count = await writeSyntheticEdition(options, outDir);
  console.log(`已生成合成版本 ${options.experiences}×${options.units}: ${count} 个文件 → ${outDir}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
