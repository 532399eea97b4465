/** Types of `scripts/run.mjs` (plain JavaScript so it runs before anything is compiled). */

/** The commands `run.mjs` knows, each `scripts/<name>.ts`. */
export declare const commands: string[];

/** Entry points of the CLI bundle, by output name: every command and the Eleventy config (`config`). */
export declare function cliEntries(root: string): Record<string, string>;

/** Where the bundle is, and whether an earlier bundle of the same inputs was reused. */
export interface BundleResult {
  dir: string;
  reused: boolean;
}

/** Returns the folder holding an up-to-date bundle of `entries`, bundling only when an input changed. */
export declare function bundleCli(options?: { root?: string; cacheDir?: string; entries?: Record<string, string> }): Promise<BundleResult>;
