import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureUncertainty } from '../uncertainty.ts';

const SMALL = 'tests/fixtures/small/data';
let dir: string;
beforeAll(async () => {
  // The small edition with an uncertainty block.
  dir = await mkdtemp(path.join(os.tmpdir(), 'uncertainty-bench-'));
  await cp(SMALL, dir, { recursive: true });
  const scheme = path.join(dir, 'scheme.yaml');
  await writeFile(scheme, `${await readFile(scheme, 'utf8')}uncertainty: {draws: 300, seed: 5, weights: 0.3, lead_weight: [0.3, 0.7]}\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// Shapes only: timing is judged by `npm run bench`, never by a test.
describe('measureUncertainty({ dataDir })', () => {
  it('times the draws of an edition with an uncertainty block and computeReport without it', async () => {
    const result = await measureUncertainty({ dataDir: dir });
    expect(result).toMatchObject({ experiences: 4, units: 3, draws: 300 });
    expect(result.computeReportMs).toBeGreaterThan(0);
    expect(result.uncertaintyMs).toBeGreaterThan(0);
  });

  it('refuses an edition without a block, which has nothing to measure', async () => {
    await expect(measureUncertainty({ dataDir: SMALL })).rejects.toThrow(/no uncertainty block/);
  });
});
