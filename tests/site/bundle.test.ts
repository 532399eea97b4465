import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCompileCache } from '../../scripts/loader/compile-cache.mjs';
import { assetUrls, bundleAssets, writeAssets, type AssetEntry } from '../../src/site/bundle.ts';

const scratch: string[] = [];
afterAll(() => Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true }))));

async function scratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

async function scratchProject(files: Record<string, string>): Promise<string> {
  const root = await scratchDir('pinggu-bundle-');
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

const entries: AssetEntry[] = [
  { name: 'site', source: 'src/site.ts', kind: 'module' },
  { name: 'prefs', source: 'src/prefs.ts', kind: 'classic' },
  { name: 'css', source: 'css/site.css', kind: 'css' },
  { name: 'charts', source: 'src/charts.ts', kind: 'module' },
];

describe('bundleAssets(entries, root)', () => {
  it('names each bundle by a hash of its bytes and skips entries whose source does not exist yet', async () => {
    const root = await scratchProject({
      'src/site.ts': "import { greet } from './greet.ts';\ndocument.title = greet('评估');\n",
      'src/greet.ts': 'export const greet = (name: string): string => `你好，${name}`;\n',
      'src/prefs.ts': "document.documentElement.classList.add('x');\n",
      'css/site.css': '@import "./more.css";\nbody { color: red; }\n',
      'css/more.css': 'p { margin: 0; }\n',
    });
    const assets = await bundleAssets(entries, root);
    const urls = assetUrls(assets);
    expect(Object.keys(urls).sort()).toEqual(['css', 'prefs', 'site']);
    expect(urls.site).toMatch(/^\/assets\/js\/site\.[0-9a-f]{10}\.js$/);
    expect(urls.prefs).toMatch(/^\/assets\/js\/prefs\.[0-9a-f]{10}\.js$/);
    expect(urls.css).toMatch(/^\/assets\/css\/site\.[0-9a-f]{10}\.css$/);
    const text = (name: string) => new TextDecoder().decode(assets.find((a) => a.name === name)!.contents);
    expect(text('site')).toContain('你好');
    expect(text('site')).not.toMatch(/\bimport\b/);
    expect(text('css')).toContain('margin:0');
  });

  it('gives the same names and bytes when run twice, and a new name when a source changes', async () => {
    const root = await scratchProject({ 'src/site.ts': 'console.log(1);\n', 'css/site.css': 'a{color:blue}\n' });
    const first = assetUrls(await bundleAssets(entries, root));
    expect(assetUrls(await bundleAssets(entries, root))).toEqual(first);
    await writeFile(path.join(root, 'src/site.ts'), 'console.log(2);\n');
    const changed = assetUrls(await bundleAssets(entries, root));
    expect(changed.site).not.toBe(first.site);
    expect(changed.css).toBe(first.css);
  });
});

describe('writeAssets(assets, outputDir)', () => {
  it('writes each file at its URL path and a manifest naming them', async () => {
    const root = await scratchProject({ 'src/site.ts': 'console.log(3);\n' });
    const assets = await bundleAssets(entries, root);
    const out = await scratchDir('pinggu-assets-');
    await writeAssets(assets, out);
    const manifest = JSON.parse(await readFile(path.join(out, 'assets/manifest.json'), 'utf8')) as Record<string, string>;
    expect(manifest).toEqual(assetUrls(assets));
    expect(await readFile(path.join(out, manifest.site!), 'utf8')).toContain('console.log(3)');
  });
});

describe('bundleAssets(entries, root, { cache }) with a compile cache', () => {
  // Each case runs in a fresh module instance, so the in-memory cache of a previous bundle cannot answer.
  async function freshBundle(root: string, cacheDir: string | null) {
    const { vi } = await import('vitest');
    vi.resetModules();
    const bundle = (await import('../../src/site/bundle.ts')) as typeof import('../../src/site/bundle.ts');
    return bundle.bundleAssets(entries, root, cacheDir === null ? {} : { cache: openCompileCache(cacheDir) });
  }
  /** The cache's entries (files named by their key), with the asset each holds. */
  async function keptBundles(cacheDir: string): Promise<Array<{ file: string; name: string }>> {
    const files = (await readdir(cacheDir)).filter((f) => /^[0-9a-f]{64}$/.test(f));
    return Promise.all(
      files.map(async (file) => ({ file, name: (JSON.parse(await readFile(path.join(cacheDir, file), 'utf8')) as { asset: { name: string } }).asset.name })),
    );
  }
  const bytes = (assets: Awaited<ReturnType<typeof bundleAssets>>) =>
    Object.fromEntries(assets.map((a) => [a.name, [a.url, Buffer.from(a.contents).toString('base64')]]));

  it('keeps one entry per bundle and gives the same names and bytes as bundling without a cache', async () => {
    const root = await scratchProject({
      'src/site.ts': "import { greet } from './greet.ts';\ndocument.title = greet('评估');\n",
      'src/greet.ts': 'export const greet = (name: string): string => `你好，${name}`;\n',
      'css/site.css': 'a{color:blue}\n',
    });
    const cacheDir = path.join(await scratchDir('pinggu-bundle-cache-'), 'bundles');
    const uncached = bytes(await freshBundle(root, null));
    const first = bytes(await freshBundle(root, cacheDir));
    expect((await keptBundles(cacheDir)).map((k) => k.name).sort()).toEqual(['css', 'site']);
    const second = bytes(await freshBundle(root, cacheDir));
    expect(first).toEqual(uncached);
    expect(second).toEqual(uncached);
  });

  it('is used while the inputs are unchanged, and not once any imported file changes', async () => {
    const root = await scratchProject({
      'src/site.ts': "import { greet } from './greet.ts';\ndocument.title = greet('评估');\n",
      'src/greet.ts': 'export const greet = (name: string): string => `你好，${name}`;\n',
    });
    const cacheDir = path.join(await scratchDir('pinggu-bundle-cache-'), 'bundles');
    const first = bytes(await freshBundle(root, cacheDir));
    // Plant a marker in the cached bytes: served as long as the inputs match, which proves the cache is read.
    const file = (await keptBundles(cacheDir)).find((k) => k.name === 'site')?.file;
    const record = JSON.parse(await readFile(path.join(cacheDir, file!), 'utf8')) as { asset: { contents: string } };
    record.asset.contents = Buffer.from('/* from cache */').toString('base64');
    await writeFile(path.join(cacheDir, file!), JSON.stringify(record));
    const hit = await freshBundle(root, cacheDir);
    expect(new TextDecoder().decode(hit.find((a) => a.name === 'site')!.contents)).toBe('/* from cache */');

    await writeFile(path.join(root, 'src/greet.ts'), 'export const greet = (name: string): string => `您好，${name}`;\n');
    const changed = await freshBundle(root, cacheDir);
    const text = new TextDecoder().decode(changed.find((a) => a.name === 'site')!.contents);
    expect(text).toContain('您好');
    expect(bytes(changed).site![0]).not.toBe(first.site![0]);
    expect(bytes(changed)).toEqual(bytes(await freshBundle(root, null)));
  });

  it.each([
    ['a damaged cache file', (text: string) => text.slice(0, 20)],
    ['a cache file naming an input that is gone', (text: string) => text.replace('src/site.ts', 'src/gone.ts')],
  ])('bundles afresh over %s', async (_name, damage) => {
    const root = await scratchProject({ 'src/site.ts': 'console.log(7);\n' });
    const cacheDir = path.join(await scratchDir('pinggu-bundle-cache-'), 'bundles');
    const first = bytes(await freshBundle(root, cacheDir));
    const [kept] = await keptBundles(cacheDir);
    await writeFile(path.join(cacheDir, kept!.file), damage(await readFile(path.join(cacheDir, kept!.file), 'utf8')));
    expect(bytes(await freshBundle(root, cacheDir))).toEqual(first);
  });
});
