/**
 * Vitest global setup: one scratch folder per `vitest run` where the shared
 * edition builds of `tests/helpers/built-site.ts` go, removed at the end.
 * Builds are made lazily by the first test that needs them, so a run of
 * unit tests alone builds nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Creates the run's build folder and provides it as `pingguBuildsDir`;
 * returns the teardown that deletes it.
 *
 * @example
 * // vitest.config.ts: test.globalSetup = ['tests/helpers/global-setup.ts']
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pinggu-builds-'));
  project.provide('pingguBuildsDir', dir);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
