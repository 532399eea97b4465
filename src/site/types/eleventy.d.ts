/**
 * The part of Eleventy 3's API the site uses: the programmatic build
 * (`scripts/lib/render-site.ts`) and the configuration calls of the
 * pinggu plugin (the package ships JavaScript without type declarations).
 */
declare module '@11ty/eleventy' {
  /** Eleventy's `eleventyConfig`, as a config function or a plugin receives it. */
  export interface UserConfig {
    /** Adds a plugin: `plugin(eleventyConfig, options)` runs once the config function has returned. */
    addPlugin<Options>(plugin: (eleventyConfig: UserConfig, options: Options) => void, options: Options): void;
    addGlobalData(name: string, data: unknown): void;
    addNunjucksFilter(name: string, filter: (...args: any[]) => unknown): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    /** Watches a path under `--serve`; with `resetConfig`, a change runs the config function again. */
    addWatchTarget(path: string, options?: { resetConfig?: boolean }): void;
    /** Adds a transform: called with each page's rendered content, `this.page` naming the page; returns the content to write. */
    addTransform(name: string, transform: (this: { page: { outputPath?: string | false } }, content: string) => string | Promise<string>): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setInputDirectory(dir: string): void;
    setIncludesDirectory(dir: string): void;
    setLayoutsDirectory(dir: string): void;
    setDataDirectory(dir: string): void;
    setTemplateFormats(formats: string[]): void;
    on(event: 'eleventy.after', listener: (event: { directories: { output: string } }) => unknown): void;
    /** Before rendering: every URL the run writes, with the template it comes from. */
    on(event: 'eleventy.contentMap', listener: (event: { urlToInputPath: Record<string, unknown> }) => unknown): void;
  }
  interface EleventyOptions {
    /** The config file, or `false` for none (the `config` callback then configures everything). */
    configPath?: string | false;
    quietMode?: boolean;
    /** Runs before the config file, with the same `eleventyConfig`. */
    config?: (eleventyConfig: UserConfig) => unknown;
  }
  interface WrittenTemplate {
    inputPath?: string;
    outputPath?: string | false;
    url?: string | false;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    /** Renders and writes every template; rejects on a template error. */
    write(): Promise<[unknown[], WrittenTemplate[]]>;
    /** Silences Eleventy's console logger. */
    disableLogger(): void;
  }
}
