import { describe, expect, it } from 'vitest';
import { parseEdition } from '../../../src/schema/edition.ts';
import { generateEdition } from '../../synth/generate-edition.ts';
import { rawEditionFiles } from '../../synth/raw-edition-files.ts';

describe('rawEditionFiles(files)', () => {
  it('reads every generated file with its name, experiences in prefix order', () => {
    const files = generateEdition({ experiences: 3, units: 2 });
    const raw = rawEditionFiles(files);
    expect(raw.report.file).toBe('data/report.yaml');
    expect(raw.experiences.map((f) => f.file)).toEqual([...files.keys()].filter((f) => f.startsWith('data/experiences/')));
    expect('edition' in parseEdition(raw)).toBe(true);
  });

  it('orders experience files by their numeric prefix, not by their text', () => {
    const files = generateEdition({ experiences: 2, units: 2 });
    const [first, second] = [...files.keys()].filter((f) => f.startsWith('data/experiences/'));
    const shuffled = new Map([...files].filter(([f]) => f !== first));
    shuffled.set(first!.replace(/experiences\/\d+-/, 'experiences/10-'), files.get(first!)!);
    shuffled.set(second!.replace(/experiences\/\d+-/, 'experiences/9-'), files.get(second!)!);
    shuffled.delete(second!);
    expect(rawEditionFiles(shuffled).experiences.map((f) => f.file.replace(/^.*\//, '').replace(/-.*$/, ''))).toEqual(['9', '10']);
  });

  it('leaves out activity.yaml when the edition has none', () => {
    const files = generateEdition({ experiences: 1, units: 2 });
    files.delete('data/activity.yaml');
    expect(rawEditionFiles(files).activity).toBeUndefined();
  });
});
