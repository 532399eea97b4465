/** The small part of Nunjucks' API the site uses (nunjucks ships no types). */
declare module 'nunjucks' {
  export interface EnvironmentOptions {
    autoescape?: boolean;
    throwOnUndefined?: boolean;
    trimBlocks?: boolean;
    lstripBlocks?: boolean;
  }
  export class Environment {
    constructor(loaders?: unknown, opts?: EnvironmentOptions);
    addFilter(name: string, fn: (...args: any[]) => unknown): this;
    renderString(src: string, context: object): string;
  }
  export class SafeString {
    constructor(value: string);
    toString(): string;
  }
  const nunjucks: {
    Environment: typeof Environment;
    runtime: { SafeString: typeof SafeString };
    /** Patched by `nunjucks-compile-cache.ts` to compile each template once. */
    Template: { prototype: object };
    compiler: { compile: (...args: unknown[]) => string };
  };
  export default nunjucks;
}
