/**
 * The last check before a build is published: every page of the site map
 * and every output other tools rely on exists and is not empty.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Report } from '../../src/model/types.ts';

/**
 * Lists the files a complete site must contain for `report`, relative to
 * the site folder: the pages of the site map (home, method, downloads, one
 * page per experience, unit and department), the contract outputs
 * (`data/report.json`, the three annex CSVs and the XLSX, the full-text
 * TXT and DOCX, and the PDF when `options.pdf` says the build printed one),
 * the client script and the Pagefind bundle.
 *
 * @example
 * requiredSiteFiles(report).slice(0, 3);
 * // ['index.html', 'method/index.html', 'downloads/index.html']
 */
export function requiredSiteFiles(report: Pick<Report, 'units' | 'departments' | 'experiences'>, options: { pdf?: boolean } = {}): string[] {
  return [
    'index.html',
    'method/index.html',
    'downloads/index.html',
    ...report.experiences.map((e) => `experiences/${e.id}/index.html`),
    ...report.units.map((u) => `units/${u.id}/index.html`),
    ...report.departments.map((d) => `departments/${d.id}/index.html`),
    'data/report.json',
    'downloads/annex-1.csv',
    'downloads/annex-2.csv',
    'downloads/annex-3.csv',
    'downloads/report.txt',
    'downloads/report.docx',
    'downloads/annexes.xlsx',
    ...(options.pdf ? ['downloads/report.pdf'] : []),
    // Scripts and CSS carry content hashes (assets/js/site.<hash>.js); the manifest names them.
    'assets/manifest.json',
    'pagefind/pagefind.js',
  ];
}

/**
 * Checks that every file in `required` exists in `siteDir` and is a
 * non-empty file. Throws one error naming every missing or empty file, so
 * an incomplete build is never published.
 *
 * @example
 * await verifySite('/repo/_site.tmp-3f9a1c2b', ['index.html']); // resolves
 * await verifySite('/empty', ['index.html']);
 * // throws '构建结果不完整 (incomplete site): 缺少 index.html'
 */
export async function verifySite(siteDir: string, required: string[]): Promise<void> {
  // One stat per file, all at once (a 50x site has thousands), reported in the order given.
  const infos = await Promise.all(required.map((file) => stat(path.join(siteDir, file)).catch(() => null)));
  const problems: string[] = [];
  required.forEach((file, i) => {
    const info = infos[i];
    if (!info || !info.isFile()) problems.push(`缺少 ${file}`);
    else if (info.size === 0) problems.push(`文件为空 ${file}`);
  });
  if (problems.length > 0) {
    throw new Error(`构建结果不完整 (incomplete site): ${problems.join('; ')}`);
  }
}
