/**
 * The files the preview server adds to the site it serves: the browser
 * client (`preview-client.ts`, compiled once by esbuild when the server
 * starts) and the banner's stylesheet. They live under `/__pinggu/`,
 * where no build writes, so the built site itself never holds them.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The preview's own script and stylesheet, as served. */
export interface PreviewAssets {
  script: string;
  css: string;
}

/**
 * Compiles the preview client into one script (an IIFE for the browsers
 * the site supports) and reads its stylesheet.
 *
 * @example
 * const { script, css } = await previewAssets();
 * script.includes('EventSource') // true
 */
export async function previewAssets(): Promise<PreviewAssets> {
  const entry = fileURLToPath(new URL('./preview-client.ts', import.meta.url));
  const [bundle, css] = await Promise.all([
    build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', target: 'es2020', logLevel: 'silent', charset: 'utf8' }),
    readFile(fileURLToPath(new URL('./preview-client.css', import.meta.url)), 'utf8'),
  ]);
  return { script: bundle.outputFiles[0]!.text, css };
}
