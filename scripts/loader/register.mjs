/**
 * Makes this Node process run the project's TypeScript as it is: every npm
 * command, the guardian, the benchmark and `.eleventy.js` (for
 * `npx @11ty/eleventy`) start with it.
 *
 *   node --import ./scripts/loader/register.mjs scripts/build.ts --out /tmp/site
 *
 * It registers `typescript-hooks.mjs` for the project root above this file
 * and turns on source maps, so a stack trace names the `.ts` line. Imported
 * twice (`--import` and then `.eleventy.js`), Node runs it once.
 *
 * Plain JavaScript: it runs before anything is compiled.
 */
import { register } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

process.setSourceMapsEnabled(true);
register('./typescript-hooks.mjs', import.meta.url, { data: { root } });
