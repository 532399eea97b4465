import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStagingDir, discardPendingStagingDirsSync, discardStagingDir, publishStagingDir } from '../../scripts/lib/staging-dir.ts';

let parent = '';
beforeEach(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'pinggu-staging-'));
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

describe('createStagingDir(outDir)', () => {
  it('creates an empty folder beside the output, named after it', async () => {
    const staging = await createStagingDir(path.join(parent, '_site'));
    expect(path.dirname(staging)).toBe(parent);
    expect(path.basename(staging)).toMatch(/^_site\.tmp-[0-9a-f]{8}$/);
    expect(await readdir(staging)).toEqual([]);
  });

  it('creates the parent folder when it does not exist yet', async () => {
    const staging = await createStagingDir(path.join(parent, 'deep', 'er', '_site'));
    expect(path.dirname(staging)).toBe(path.join(parent, 'deep', 'er'));
  });
});

describe('publishStagingDir(staging, outDir)', () => {
  it('moves the staging folder into place when there is no previous site', async () => {
    const staging = await createStagingDir(path.join(parent, '_site'));
    await writeFile(path.join(staging, 'index.html'), 'new');
    await publishStagingDir(staging, path.join(parent, '_site'));
    expect(await readdir(parent)).toEqual(['_site']);
    expect(await readFile(path.join(parent, '_site', 'index.html'), 'utf8')).toBe('new');
  });

  it('replaces a previous site entirely, leaving neither old nor staging folder behind', async () => {
    await mkdir(path.join(parent, '_site'));
    await writeFile(path.join(parent, '_site', 'stale.html'), 'old');
    const staging = await createStagingDir(path.join(parent, '_site'));
    await writeFile(path.join(staging, 'index.html'), 'new');
    await publishStagingDir(staging, path.join(parent, '_site'));
    expect(await readdir(parent)).toEqual(['_site']);
    expect(await readdir(path.join(parent, '_site'))).toEqual(['index.html']);
  });

  it('refuses to replace a file that is not a folder, leaving both in place', async () => {
    await writeFile(path.join(parent, '_site'), 'a file');
    const staging = await createStagingDir(path.join(parent, '_site'));
    await expect(publishStagingDir(staging, path.join(parent, '_site'))).rejects.toThrow(/不是文件夹/);
    expect(await readFile(path.join(parent, '_site'), 'utf8')).toBe('a file');
  });

  it('puts the previous site back when the staging folder cannot be moved in', async () => {
    await mkdir(path.join(parent, '_site'));
    await writeFile(path.join(parent, '_site', 'index.html'), 'old');
    await expect(publishStagingDir(path.join(parent, 'no-such-staging'), path.join(parent, '_site'))).rejects.toThrow();
    expect(await readdir(parent)).toEqual(['_site']);
    expect(await readFile(path.join(parent, '_site', 'index.html'), 'utf8')).toBe('old');
  });
});

describe('discardStagingDir(staging)', () => {
  it('deletes the staging folder and its contents', async () => {
    const staging = await createStagingDir(path.join(parent, '_site'));
    await writeFile(path.join(staging, 'half.html'), 'half');
    await discardStagingDir(staging);
    expect(await readdir(parent)).toEqual([]);
  });

  it('does not throw when the folder is already gone', async () => {
    await expect(discardStagingDir(path.join(parent, 'gone'))).resolves.toBeUndefined();
  });
});

describe('discardStagingDir(staging) after a failed render', () => {
  it('removes the folder again when a write still in flight recreates it', async () => {
    const staging = await createStagingDir(path.join(parent, '_site'));
    // A late write, as Eleventy's passthrough copy makes after write() rejected.
    const late = new Promise<void>((resolve) =>
      setTimeout(() => {
        void mkdir(staging, { recursive: true })
          .then(() => writeFile(path.join(staging, 'favicon.svg'), '<svg/>'))
          .then(resolve);
      }, 60),
    );
    await discardStagingDir(staging, { quietMs: 200 });
    await late;
    expect(await readdir(parent)).toEqual([]);
  });
});

describe('discardPendingStagingDirsSync()', () => {
  it('deletes the staging folders not yet published or discarded, and only those', async () => {
    const published = await createStagingDir(path.join(parent, 'a'));
    await publishStagingDir(published, path.join(parent, 'a'));
    const interrupted = await createStagingDir(path.join(parent, 'b'));
    await writeFile(path.join(interrupted, 'half.html'), 'half');
    discardPendingStagingDirsSync();
    expect(await readdir(parent)).toEqual(['a']);
  });
});
