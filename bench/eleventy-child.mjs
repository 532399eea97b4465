/**
 * The benchmark's baselines: bare Eleventy building the throw-away project
 * in the working directory (written by `writeBareProject` or
 * `writeSameBytesProject`), run by plain `node` with no loader, as an
 * Eleventy user runs Eleventy, so a baseline pays nothing for TypeScript.
 *
 *   node bench/eleventy-child.mjs <pages>
 *
 * Prints `BENCH_RESULT {json}` as its last line: `pages`; `ms`, the wall
 * time of importing Eleventy and `write()`; `sinceStartMs`, the same end
 * measured from the start of the process (Node's own start-up included);
 * `cpuMs` and `maxRssMiB` of the process.
 *
 * Plain JavaScript on purpose: it must not run through the TypeScript loader.
 */
const pages = Number(process.argv[2]);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const { default: Eleventy } = await import('@11ty/eleventy');
const elev = new Eleventy('src', '_site', { configPath: 'eleventy.config.js', quietMode: true });
elev.disableLogger();
const [, templates] = await elev.write();
const ended = performance.now();
if (templates.length !== pages) throw new Error(`bare Eleventy wrote ${templates.length} pages, expected ${pages}`);
const cpu = process.cpuUsage(cpuBefore);
const result = { pages, ms: ended - started, sinceStartMs: ended, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
process.stdout.write(`\nBENCH_RESULT ${JSON.stringify(result)}\n`);
