import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editionYamlFiles, measureYamlFloor } from '../yaml-floor.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'yaml-floor-'));
  await mkdir(path.join(dir, 'experiences'));
  await writeFile(path.join(dir, 'units.yaml'), '- id: a\n  name: 甲\n');
  await writeFile(path.join(dir, 'README.md'), '# not data\n');
  await writeFile(path.join(dir, 'experiences', '02-b.yml'), 'id: b\n');
  await writeFile(path.join(dir, 'experiences', '01-a.yaml'), 'id: a\nscores: {x: 1}\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('editionYamlFiles(dataDir)', () => {
  it('lists the YAML files at the top and in experiences/, nothing else', async () => {
    expect((await editionYamlFiles(dir)).map((f) => path.relative(dir, f))).toEqual(['units.yaml', 'experiences/01-a.yaml', 'experiences/02-b.yml']);
  });

  it('lists every file the loader reads from the default edition', async () => {
    const files = (await editionYamlFiles('data')).map((f) => path.basename(f));
    for (const name of ['report.yaml', 'scheme.yaml', 'units.yaml', 'departments.yaml', 'survey.yaml']) expect(files).toContain(name);
    expect(files.filter((f) => /^\d/.test(f)).length).toBeGreaterThan(0);
  });
});

describe('measureYamlFloor(dataDir)', () => {
  it('reads and parses every file, counting their bytes', async () => {
    const result = await measureYamlFloor(dir);
    expect(result.files).toBe(3);
    expect(result.bytes).toBe(Buffer.byteLength('- id: a\n  name: 甲\n') + 'id: b\n'.length + 'id: a\nscores: {x: 1}\n'.length);
    expect(result.parseMs).toBeLessThanOrEqual(result.ms);
  });

  it('fails on a file that is not YAML, as the loader would', async () => {
    const bad = await mkdtemp(path.join(os.tmpdir(), 'yaml-floor-bad-'));
    try {
      await writeFile(path.join(bad, 'units.yaml'), 'a: [1,\n');
      await expect(measureYamlFloor(bad)).rejects.toThrow();
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
