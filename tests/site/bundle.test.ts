import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
