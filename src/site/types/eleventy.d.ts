/**
 * The part of Eleventy 3's programmatic API the build uses (the package
 * ships JavaScript without type declarations).
 */
declare module '@11ty/eleventy' {
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
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
