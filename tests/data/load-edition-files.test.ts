import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EditionError } from '../../src/data/errors.ts';
import { compareExperienceFiles, loadEditionFiles } from '../../src/data/load-edition-files.ts';
import { makeFifo } from '../helpers/special-files.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'pinggu-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('compareExperienceFiles(a, b)', () => {
  it.each([
    [['10-b.yaml', '02-a.yaml', '1-c.yaml'], ['1-c.yaml', '02-a.yaml', '10-b.yaml']],
    [['02-b.yaml', '02-a.yaml'], ['02-a.yaml', '02-b.yaml']],
    [['x.yaml', '01-a.yaml'], ['01-a.yaml', 'x.yaml']],
  ])('orders %j by numeric prefix, then name', (names, sorted) => {
    expect([...names].sort(compareExperienceFiles)).toEqual(sorted);
  });
});

describe('loadEditionFiles(dataDir)', () => {
  it('reads every file with names relative to the working directory', async () => {
    const files = await loadEditionFiles('tests/fixtures/small/data');
    expect(files.report.file).toBe('tests/fixtures/small/data/report.yaml');
    expect(files.experiences.map((f) => path.basename(f.file))).toEqual([
      '01-smart-court.yaml', '02-family-doctor.yaml', '03-court-mediation.yaml', '04-health-cloud.yaml',
    ]);
    expect(files.activity?.issues).toEqual([]);
  });

  it('orders experiences by number, not by text', async () => {
    const dir = path.join(scratch, 'order');
    cpSync('tests/fixtures/small/data', dir, { recursive: true });
    renameSync(path.join(dir, 'experiences/01-smart-court.yaml'), path.join(dir, 'experiences/10-smart-court.yaml'));
    const files = await loadEditionFiles(dir);
    expect(files.experiences.map((f) => path.basename(f.file))[3]).toBe('10-smart-court.yaml');
  });

  it('turns a missing required file into an issue and leaves out a missing activity.yaml', async () => {
    const dir = path.join(scratch, 'missing');
    cpSync('tests/fixtures/small/data', dir, { recursive: true });
    rmSync(path.join(dir, 'scheme.yaml'));
    rmSync(path.join(dir, 'activity.yaml'));
    const files = await loadEditionFiles(dir);
    expect(files.scheme.issues[0]!.message).toMatch(/缺少必需的数据文件/);
    expect(files.activity).toBeUndefined();
  });

  it('turns a missing experiences folder into an issue', async () => {
    const dir = path.join(scratch, 'no-experiences');
    cpSync('tests/fixtures/small/data', dir, { recursive: true });
    rmSync(path.join(dir, 'experiences'), { recursive: true });
    const files = await loadEditionFiles(dir);
    expect(files.experiences[0]!.issues[0]!.message).toMatch(/缺少 experiences 文件夹/);
  });

  it('throws an EditionError naming the data folder when it is missing or a file', async () => {
    await expect(loadEditionFiles(path.join(scratch, 'no-such-data'))).rejects.toBeInstanceOf(EditionError);
    await expect(loadEditionFiles(path.join(scratch, 'no-such-data'))).rejects.toThrow(/no-such-data:1:1: 数据文件夹不存在/);
    writeFileSync(path.join(scratch, 'a-file'), 'x');
    await expect(loadEditionFiles(path.join(scratch, 'a-file'))).rejects.toThrow(/a-file:1:1: 这不是文件夹 \(expected a folder, found a file\)/);
  });

  it('refuses a FIFO, a folder and a link out of the edition by name, and reads the rest', async () => {
    const dir = path.join(scratch, 'hostile-kinds');
    cpSync('tests/fixtures/small/data', dir, { recursive: true });
    makeFifo(path.join(dir, 'units.yaml'));
    rmSync(path.join(dir, 'survey.yaml'));
    mkdirSync(path.join(dir, 'survey.yaml'));
    rmSync(path.join(dir, 'activity.yaml'));
    symlinkSync('/etc/hostname', path.join(dir, 'activity.yaml'));
    const files = await loadEditionFiles(dir);
    expect(files.units.issues[0]!.message).toMatch(/^这是一个命名管道（FIFO）/);
    expect(files.units.file).toBe(path.relative(process.cwd(), path.join(dir, 'units.yaml')));
    expect(files.survey.issues[0]!.message).toMatch(/^这是一个文件夹，不是文件/);
    // An optional file that is present but refused is an issue, not left out.
    expect(files.activity?.issues[0]!.message).toMatch(/^符号链接指向版本文件夹之外/);
    expect(files.report.issues).toEqual([]);
  });

  it('refuses an experiences folder that links out of the edition', async () => {
    const dir = path.join(scratch, 'linked-experiences');
    cpSync('tests/fixtures/small/data', dir, { recursive: true });
    renameSync(path.join(dir, 'experiences'), path.join(scratch, 'elsewhere'));
    symlinkSync(path.join(scratch, 'elsewhere'), path.join(dir, 'experiences'));
    const files = await loadEditionFiles(dir);
    expect(files.experiences).toHaveLength(1);
    expect(files.experiences[0]!.issues[0]!.message).toMatch(/^符号链接指向版本文件夹之外/);
  });
});

