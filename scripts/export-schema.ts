/**
 * `npm run schema`: writes `schema/<file>.schema.json` for every data file
 * from the zod schemas. `--check` writes nothing and exits 1 when a
 * committed schema is out of date.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FILE_SCHEMAS, jsonSchemaFor } from '../src/schema/json-schemas.ts';

const outDir = 'schema';
const check = process.argv.includes('--check');
let stale = 0;
await mkdir(outDir, { recursive: true });
for (const name of Object.keys(FILE_SCHEMAS) as Array<keyof typeof FILE_SCHEMAS>) {
  const file = path.join(outDir, `${name}.schema.json`);
  const text = `${JSON.stringify(jsonSchemaFor(name), null, 2)}\n`;
  const current = await readFile(file, 'utf8').catch(() => '');
  if (current === text) continue;
  if (check) {
    console.error(`${file} 已过期，请运行 npm run schema`);
    stale++;
  } else {
    await writeFile(file, text);
    console.log(`已写入 ${file}`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
