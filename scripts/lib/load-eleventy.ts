/**
 * Eleventy's class, loaded for a build. Every npm command runs through the
 * project's TypeScript loader (`scripts/loader/`), whose module hooks run
 * on a thread of their own: each `import()` after them asks that thread
 * to resolve and load every module, one message and answer at a time.
 * Eleventy is a few hundred modules, so its `import()` took ≈ 500 ms
 * against ≈ 380 ms in plain Node, and the main thread mostly waited.
 *
 * Node 20.19 and later can `require` an ES module, synchronously, and the
 * hooks registered with `module.register` do not run for it: Eleventy is
 * then loaded as in plain Node (its package names a CommonJS entry for
 * exactly this, `EleventyCommonJs.cjs`). Only the project's own `.ts`
 * files need the hooks, and none is among Eleventy's modules. Where Node
 * cannot `require` an ES module (20.15–20.18), Eleventy is imported.
 */
import { createRequire } from 'node:module';

type EleventyModule = typeof import('@11ty/eleventy');

/**
 * The `Eleventy` class: required where Node can require an ES module,
 * imported otherwise. Both give the one module instance Node keeps.
 *
 * @example
 * const Eleventy = await loadEleventy();
 * await new Eleventy('templates', '_site').write();
 */
export async function loadEleventy(): Promise<EleventyModule['default']> {
  if (process.features.require_module) return (createRequire(import.meta.url)('@11ty/eleventy') as EleventyModule).default;
  return (await import('@11ty/eleventy')).default;
}
