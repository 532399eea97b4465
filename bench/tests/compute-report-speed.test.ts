import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/model/compute-report.ts';
import { parseEdition } from '../../src/schema/edition.ts';
import { generateEdition } from '../synth/generate-edition.ts';
import { rawEditionFiles } from '../synth/raw-edition-files.ts';

/** 1,000 experiences × 100 units, every unit scored everywhere; no uncertainty draws (the benchmark times those). */
function syntheticEdition() {
  const result = parseEdition(rawEditionFiles(generateEdition({ experiences: 1000, units: 100, notApplicableShare: 0, uncertaintyDraws: 0 })));
  if ('issues' in result) throw new Error(result.issues.slice(0, 5).map((i) => `${i.file}:${i.line} ${i.path}: ${i.message}`).join('\n'));
  return result.edition;
}

describe('computeReport(edition) on 100,000 composites', () => {
  it('scores, ranks and re-ranks every scenario in under a second of CPU time', () => {
    const edition = syntheticEdition();
    const report = computeReport(edition, { reconcile: 'record' });
    expect(report.experiences).toHaveLength(1000);
    expect(report.units).toHaveLength(100);
    expect(report.experiences.reduce((n, e) => n + e.units.length, 0)).toBe(100_000);
    // CPU time rather than wall time, so a busy machine does not fail the test; best of three after warm-up.
    const times = [0, 1, 2].map(() => {
      const before = process.cpuUsage();
      computeReport(edition, { reconcile: 'record' });
      const used = process.cpuUsage(before);
      return (used.user + used.system) / 1000;
    });
    expect(Math.min(...times)).toBeLessThan(1000);
  }, 180_000);
});
