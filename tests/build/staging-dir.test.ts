import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readSiteMarker } from '../../scripts/lib/output-folder.ts';
import { createStagingDir, discardStagingDir, publishStagingDir, removeStaleStagingDirs } from '../../scripts/lib/staging-dir.ts';
import { hashTree, treeDifferences } from '../helpers/tree-hash.ts';

/** Publishes a site holding `files` (each with its own name as text) into `<parent>/_site`. */
async function publishSite(files: string[]): Promise<void> {
  const staging = await createStagingDir(path.join(parent, '_site'));
  for (const file of files) await writeFile(path.join(staging, file), file);
  await publishStagingDir(staging, path.join(parent, '_site'));
}

let parent = '';
/** A process that runs for the whole file: the "other build" whose staging folder must be kept. */
let live: ChildProcess;
beforeAll(() => {
  live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
});
afterAll(() => {
  live.kill('SIGKILL');
});
beforeEach(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'pinggu-staging-'));
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

describe('createStagingDir(outDir)', () => {
  it('creates a folder beside the output, named after it, holding only its marker', async () => {
    const staging = await createStagingDir(path.join(parent, '_site'));
    expect(path.dirname(staging)).toBe(parent);
    expect(path.basename(staging)).toMatch(/^_site\.tmp-[0-9a-f]{8}$/);
    expect(await readdir(staging)).toEqual(['.pinggu-staging']);
    expect((await readFile(path.join(staging, '.pinggu-staging'), 'utf8')).split('\n').slice(0, 5)).toEqual([
      'pinggu-staging 1',
      expect.stringMatching(/^# /),
      `folder: ${path.basename(staging)}`,
      `pid: ${process.pid}`,
      `host: ${os.hostname()}`,
    ]);
  });

  it('creates the parent folder when it does not exist yet', async () => {
    const staging = await createStagingDir(path.join(parent, 'deep', 'er', '_site'));
    expect(path.dirname(staging)).toBe(path.join(parent, 'deep', 'er'));
  });
});

describe('publishStagingDir(staging, outDir)', () => {
  it('moves the staging folder into place when there is no previous site, marked as a site', async () => {
    const staging = await createStagingDir(path.join(parent, '_site'));
    await writeFile(path.join(staging, 'index.html'), 'new');
    await publishStagingDir(staging, path.join(parent, '_site'));
    expect(await readdir(parent)).toEqual(['_site']);
    expect(await readFile(path.join(parent, '_site', 'index.html'), 'utf8')).toBe('new');
    expect((await readdir(path.join(parent, '_site'))).sort()).toEqual(['.pinggu-site', 'index.html']);
    expect(readSiteMarker(path.join(parent, '_site'))).toEqual(new Set(['index.html', 'pagefind']));
  });

  it('replaces a previous pinggu site entirely, leaving neither old nor staging folder behind', async () => {
    await publishSite(['stale.html', 'index.html']);
    await publishSite(['index.html']);
    expect(await readdir(parent)).toEqual(['_site']);
    expect((await readdir(path.join(parent, '_site'))).sort()).toEqual(['.pinggu-site', 'index.html']);
  });

  it('replaces an empty folder', async () => {
    await mkdir(path.join(parent, '_site'));
    await publishSite(['index.html']);
    expect((await readdir(path.join(parent, '_site'))).sort()).toEqual(['.pinggu-site', 'index.html']);
  });

  it.each([
    ['a folder of someone’s files', async (site: string) => { await mkdir(site); await writeFile(path.join(site, 'thesis.docx'), 'mine'); }, '不是 pinggu 生成的网站'],
    ['a pinggu site someone added a file to', async (site: string) => { await publishSite(['index.html']); await writeFile(path.join(site, 'notes.txt'), 'mine'); }, 'pinggu 没有写入的内容：notes.txt'],
  ])('refuses to replace %s that appeared during the build, leaving it and deleting nothing', async (_what, make, why) => {
    const site = path.join(parent, '_site');
    const staging = await createStagingDir(site);
    await writeFile(path.join(staging, 'index.html'), 'new');
    await make(site);
    const before = await hashTree(site);
    await expect(publishStagingDir(staging, site)).rejects.toThrow(why);
    expect(await hashTree(site)).toEqual(before);
    await discardStagingDir(staging, { quietMs: 50 });
    expect(await readdir(parent)).toEqual(['_site']);
  });

  it('refuses to publish when a folder on the output path was swapped for a link during the build', async () => {
    const real = path.join(parent, 'real');
    const site = path.join(real, '_site');
    await mkdir(real);
    const staging = await createStagingDir(site);
    await writeFile(path.join(staging, 'index.html'), 'new');
    const elsewhere = path.join(parent, 'elsewhere');
    await mkdir(elsewhere);
    await rename(real, path.join(parent, 'moved'));
    await symlink(elsewhere, real);
    await expect(publishStagingDir(path.join(parent, 'moved', path.basename(staging)), site)).rejects.toThrow('被改成了符号链接');
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('never moves the previous site over an existing folder: the aside folder is always new', async () => {
    await publishSite(['index.html']);
    // Every possible aside name cannot be taken; one taken name shows an existing folder is not reused.
    const decoy = path.join(parent, '_site.old-00000000');
    await mkdir(decoy);
    await writeFile(path.join(decoy, 'keep.txt'), 'keep');
    await publishSite(['index.html', 'second.html']);
    expect(await readFile(path.join(decoy, 'keep.txt'), 'utf8')).toBe('keep');
    expect((await readdir(parent)).sort()).toEqual(['_site', '_site.old-00000000']);
  });

  it('refuses to replace a file that is not a folder, leaving both in place', async () => {
    await writeFile(path.join(parent, '_site'), 'a file');
    const staging = await createStagingDir(path.join(parent, '_site'));
    await expect(publishStagingDir(staging, path.join(parent, '_site'))).rejects.toThrow(/不是文件夹/);
    expect(await readFile(path.join(parent, '_site'), 'utf8')).toBe('a file');
  });

  it('puts the previous site back when the staging folder cannot be moved in', async () => {
    const site = path.join(parent, '_site');
    const first = await createStagingDir(site);
    await writeFile(path.join(first, 'index.html'), 'old');
    await mkdir(path.join(first, 'inner'));
    await publishStagingDir(first, site);
    const before = await hashTree(site);
    // A "staging folder" inside the site: once the site is moved aside it is gone, so the second rename fails.
    await expect(publishStagingDir(path.join(site, 'inner'), site)).rejects.toThrow(/ENOENT/);
    // Every file is back as it was; the only trace is the marker written into the would-be staging folder.
    expect(treeDifferences(before, await hashTree(site))).toEqual(['inner/.pinggu-site (only in second)']);
    expect(await readdir(parent)).toEqual(['_site']);
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

describe('removeStaleStagingDirs(outDir)', () => {
  /** The pid of a process that has ended. */
  function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', '']);
    return child.pid!;
  }

  /** A folder beside `_site` as a killed build would leave it, with a marker naming `fields`. */
  async function leftover(name: string, fields: { folder?: string; pid?: number; host?: string; format?: string } = {}): Promise<string> {
    const folder = path.join(parent, name);
    await mkdir(folder);
    await writeFile(path.join(folder, 'half.html'), 'half');
    const marker = [
      fields.format ?? 'pinggu-staging 1',
      '# comment',
      `folder: ${fields.folder ?? name}`,
      `pid: ${fields.pid ?? deadPid()}`,
      `host: ${fields.host ?? os.hostname()}`,
      '',
    ].join('\n');
    await writeFile(path.join(folder, '.pinggu-staging'), marker);
    return folder;
  }

  it('deletes a staging folder whose marker names it, this host and a process that has ended', async () => {
    const folder = await leftover('_site.tmp-0123abcd');
    expect(removeStaleStagingDirs(path.join(parent, '_site'))).toEqual({ removed: [folder], kept: [] });
    expect(await readdir(parent)).toEqual([]);
  });

  it.each([
    ['whose process still runs (a build going on in parallel)', (name: string) => leftover(name, { pid: live.pid! })],
    ['made by this very process', (name: string) => leftover(name, { pid: process.pid })],
    ['whose marker names another folder (a copied marker)', (name: string) => leftover(name, { folder: '_site.tmp-ffffffff' })],
    ['whose marker names another host', (name: string) => leftover(name, { host: `not-${os.hostname()}` })],
    ['whose marker has another format', (name: string) => leftover(name, { format: 'pinggu-staging 2' })],
    ['with no marker at all', async (name: string) => { await mkdir(path.join(parent, name)); await writeFile(path.join(parent, name, 'mine.txt'), 'mine'); }],
    ['that is a link to a folder with a valid marker', async (name: string) => {
      const real = await leftover('elsewhere', { folder: name });
      await symlink(real, path.join(parent, name));
    }],
    ['that is a file', (name: string) => writeFile(path.join(parent, name), 'a file')],
  ])('keeps a folder named like a leftover %s, untouched', async (_what, make) => {
    const name = '_site.tmp-0123abcd';
    await make(name);
    const before = await hashTree(parent);
    const result = removeStaleStagingDirs(path.join(parent, '_site'));
    expect(result.removed).toEqual([]);
    expect(result.kept).toEqual([path.join(parent, name)]);
    expect(await hashTree(parent)).toEqual(before);
  });

  it.each([['_site.tmp-0123abc'], ['_site.tmp-0123abcg'], ['_site.tmp-0123abcd0'], ['_site.tmp-0123ABCD'], ['other.tmp-0123abcd'], ['_site.new-0123abcd']])(
    'ignores %s, which is not a staging name for _site',
    async (name) => {
      await leftover(name);
      expect(removeStaleStagingDirs(path.join(parent, '_site'))).toEqual({ removed: [], kept: [] });
      expect(await readdir(parent)).toEqual([name]);
    },
  );

  it('puts the previous site back from a leftover aside folder when the output is missing', async () => {
    const aside = await leftover('_site.old-0123abcd');
    await mkdir(path.join(aside, 'site'));
    await writeFile(path.join(aside, 'site', 'index.html'), 'previous');
    const result = removeStaleStagingDirs(path.join(parent, '_site'));
    expect(result).toEqual({ removed: [aside], restored: path.join(parent, '_site'), kept: [] });
    expect(await readFile(path.join(parent, '_site', 'index.html'), 'utf8')).toBe('previous');
    expect(await readdir(parent)).toEqual(['_site']);
  });

  it('deletes a leftover aside folder whose pinggu site was already replaced', async () => {
    await publishSite(['index.html']);
    const aside = await leftover('_site.old-0123abcd');
    await rename(path.join(parent, '_site'), path.join(aside, 'site'));
    await publishSite(['index.html', 'new.html']);
    expect(removeStaleStagingDirs(path.join(parent, '_site')).removed).toEqual([aside]);
    expect(await readdir(parent)).toEqual(['_site']);
  });

  it('keeps a leftover aside folder holding something that is not a pinggu site', async () => {
    await publishSite(['index.html']);
    const aside = await leftover('_site.old-0123abcd');
    await mkdir(path.join(aside, 'site'));
    await writeFile(path.join(aside, 'site', 'thesis.docx'), 'mine');
    expect(removeStaleStagingDirs(path.join(parent, '_site')).kept).toEqual([aside]);
    expect(await readFile(path.join(aside, 'site', 'thesis.docx'), 'utf8')).toBe('mine');
  });

  it('deletes a leftover aside folder marked replaced without judging what is left of its site', async () => {
    await publishSite(['index.html']);
    const aside = await leftover('_site.old-0123abcd');
    await mkdir(path.join(aside, 'site'));
    // A deletion cut short: the site's own marker is already gone.
    await writeFile(path.join(aside, 'site', 'half-deleted.html'), 'x');
    await writeFile(path.join(aside, '.pinggu-staging'), `${await readFile(path.join(aside, '.pinggu-staging'), 'utf8')}replaced: yes\n`);
    expect(removeStaleStagingDirs(path.join(parent, '_site')).removed).toEqual([aside]);
    expect(await readdir(parent)).toEqual(['_site']);
  });

  it('with madeBy, cleans only the folders of that process, even while it is a zombie, and lists no others', async () => {
    const ours = await leftover('_site.tmp-0123abcd', { pid: live.pid! });
    await leftover('_site.tmp-89abcdef', { pid: deadPid() });
    await mkdir(path.join(parent, '_site.tmp-ffffffff'));
    expect(removeStaleStagingDirs(path.join(parent, '_site'), { madeBy: live.pid! })).toEqual({ removed: [ours], kept: [] });
    expect((await readdir(parent)).sort()).toEqual(['_site.tmp-89abcdef', '_site.tmp-ffffffff']);
  });

  it('treats a zombie (ended, not yet reaped) as ended', () => {
    // Everything from here on is synchronous: the event loop cannot reap the child, which stays a zombie.
    const zombie = spawn('true', [], { stdio: 'ignore' });
    const name = '_site.tmp-0123abcd';
    mkdirSync(path.join(parent, name));
    writeFileSync(path.join(parent, name, '.pinggu-staging'), `pinggu-staging 1\nfolder: ${name}\npid: ${zombie.pid}\nhost: ${os.hostname()}\n`);
    const until = Date.now() + 5000;
    let state = '';
    while (Date.now() < until && state !== 'Z') {
      state = /State:\s+(\S)/.exec(readFileSync(`/proc/${zombie.pid}/status`, 'utf8'))?.[1] ?? '';
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
    expect(state).toBe('Z');
    expect(removeStaleStagingDirs(path.join(parent, '_site')).removed).toEqual([path.join(parent, name)]);
  });
});
