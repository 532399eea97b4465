/**
 * The template language of narrative chapters: LiquidJS, set up for
 * untrusted authors. A chapter is data, not code: it can read values of the
 * report, format them with filters, assign, capture, loop over lists and
 * test conditions, and nothing else. It cannot call a function, reach a
 * prototype or constructor, read a file, read the clock or the environment,
 * or run for unbounded time or memory; trying to is an error with the line
 * and column, in Chinese.
 *
 * How each door is shut:
 * - Tags are an allowlist (`ALLOWED_TAGS`). Tags that would read a file
 *   (`include`, `render`, `layout`) are replaced by tags that refuse at
 *   parse time, and the file system given to Liquid refuses every call.
 * - Filters are Liquid's own minus those that read the clock or chance
 *   (`date…`, `sample`) or turn output escaping off (`raw`), plus the
 *   site's filters under the same names as in page templates.
 * - `ownPropertyOnly` and `strictVariables` make a value the report does
 *   not hold an error; on top, reading a name that objects inherit
 *   (`constructor`, `__proto__`, `toString`, …) or a loop variable's
 *   internals is refused even where Liquid itself would give an empty value
 *   (inside `map`, `where`, `sort`). Liquid calls a function it finds in
 *   the data, so the data handed in must hold none (`markdownSafe` gives a
 *   view of plain values only).
 * - `parseLimit`, `renderLimit` and `memoryLimit` are Liquid's own limits;
 *   the output, captured text and the results of the site's filters are
 *   charged to the memory limit too, and block tags nest at most
 *   `maxNesting` deep, so no chapter overflows the stack.
 */
import { CaptureTag, Context, Drop, Liquid, LiquidError, RenderError, Tag, Tokenizer, TypeGuards, toValue, toValueSync, type Emitter, type Template, type FilterImplOptions, type FS, type TagToken, type TopLevelToken } from 'liquidjs';
import { filters as siteFilters } from './filters/index.ts';

/** The limits a chapter renders under. */
export interface ChapterLimits {
  /** Most characters of template text (the chapter without its front matter). */
  parseChars: number;
  /** Most milliseconds one chapter may take to render. */
  renderMs: number;
  /** Most units of memory (characters of strings and output, elements of lists) one chapter may create. */
  memoryUnits: number;
  /** Most tags and values (`{% … %}`, `{{ … }}`) in one chapter. */
  maxTags: number;
  /** Most characters inside all its tags and values together. */
  maxTagChars: number;
  /** Deepest nesting of block tags (`if`, `for`, `capture`, …). */
  maxNesting: number;
}

/**
 * The limits every chapter renders under: 2,000,000 characters of text,
 * 1 second, 10,000,000 units of memory, 5,000 tags and values holding
 * 200,000 characters, 32 levels of nesting. A chapter of the default
 * edition stays under 1/50 of each.
 *
 * @example
 * chapterEngine({ ...DEFAULT_CHAPTER_LIMITS, renderMs: 200 })
 */
export const DEFAULT_CHAPTER_LIMITS: ChapterLimits = Object.freeze({
  parseChars: 2_000_000,
  renderMs: 1_000,
  memoryUnits: 10_000_000,
  maxTags: 5_000,
  maxTagChars: 200_000,
  maxNesting: 32,
});

/** A chapter's template text failed to parse or render; the position is within the text given. */
export class ChapterTemplateError extends Error {
  /** 1-based line and column within the template text. */
  readonly line: number;
  readonly column: number;

  /**
   * @example
   * new ChapterTemplateError('未知的过滤器 (undefined filter: x)', 3, 5).line // 3
   */
  constructor(message: string, line: number, column: number) {
    super(message);
    this.name = 'ChapterTemplateError';
    this.line = line;
    this.column = column;
  }
}

/** A refusal with its Chinese explanation, thrown from inside Liquid and recognised on the way out. */
class Refusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Refusal';
  }
}

/** Tags a chapter may use; any other tag is an error. */
const ALLOWED_TAGS: ReadonlySet<string> = new Set(['assign', 'capture', 'case', 'comment', '#', 'if', 'unless', 'for', 'break', 'continue', 'raw']);

/** Tags that open a block closed by `end<name>`, for the nesting limit. */
const BLOCK_TAGS: ReadonlySet<string> = new Set(['capture', 'case', 'comment', 'if', 'unless', 'for', 'raw']);

/** Why a tag outside the language is refused, and what to write instead. */
const TAG_HINTS: Readonly<Record<string, string>> = {
  include: '章节不能引用其他文件，请把内容直接写进章节',
  render: '章节不能引用其他文件，请把内容直接写进章节',
  layout: '章节不能引用其他文件，请把内容直接写进章节',
  block: '章节没有版式继承，请把内容直接写进章节',
  extends: '章节不能引用其他文件，请把内容直接写进章节',
  import: '章节不能引用其他文件，请把内容直接写进章节',
  from: '章节不能引用其他文件，请把内容直接写进章节',
  set: '给值起名请用 {% assign 名称 = 值 %}',
  macro: '章节不能定义宏；给经验名称加引号请用过滤器 cnQuote，其他重复的写法请用 {% capture %}',
  call: '章节不能定义或调用宏',
  filter: '请把过滤器写在 {{ 值 | 过滤器 }} 中',
  elif: 'Liquid 中写作 {% elsif 条件 %}',
  liquid: '请把每个标签写成 {% … %}',
  echo: '输出值请用 {{ 值 }}',
  cycle: '章节中不提供 cycle，请用 forloop.index 等循环变量',
  increment: '章节中不提供计数器，请用 forloop.index 等循环变量',
  decrement: '章节中不提供计数器，请用 forloop.index 等循环变量',
  tablerow: '表格请用 Markdown 写，行用 {% for %} 循环生成',
};

/** Liquid filters withheld from chapters, and why. */
const WITHHELD_FILTERS: Readonly<Record<string, string>> = {
  date: '日期请用数据中的日期和过滤器 cnDate；章节不能读取当前时间，否则每次构建结果不同',
  date_to_xmlschema: '日期请用过滤器 cnDate',
  date_to_rfc822: '日期请用过滤器 cnDate',
  date_to_string: '日期请用过滤器 cnDate',
  date_to_long_string: '日期请用过滤器 cnDate',
  sample: '章节不能随机取值，否则每次构建结果不同',
  raw: '输出的值总要转义，不能关闭',
};

/** What a loop variable (`forloop`) offers; anything else on it is internal. */
const FORLOOP_PROPERTIES: ReadonlySet<string> = new Set(['index', 'index0', 'rindex', 'rindex0', 'first', 'last', 'length', 'name']);

/**
 * Names every object, list, string or number inherits in JavaScript
 * (`constructor`, `__proto__`, `toString`, `valueOf`, `map`, …) and the
 * `prototype` of functions: never data, unless the data itself has an own
 * property of that name.
 */
function isInheritedName(name: string): boolean {
  return (
    name === '__proto__' ||
    name === 'prototype' ||
    name in Object.prototype ||
    name in Array.prototype ||
    name in String.prototype ||
    name in Number.prototype ||
    name in Boolean.prototype ||
    name in Function.prototype
  );
}

/**
 * Liquid's context, refusing inherited names and a loop variable's
 * internals before Liquid reads them. Spawned contexts (inside `where`,
 * `group_by`, …) are of the same kind.
 */
class GuardedContext extends Context {
  override readProperty(obj: Parameters<Context['readProperty']>[0], key: Parameters<Context['readProperty']>[1]): unknown {
    const name = toValue(key);
    if (typeof name === 'string' && obj !== null && obj !== undefined) {
      const refused = obj instanceof Drop ? !FORLOOP_PROPERTIES.has(name) : !Object.hasOwn(Object(obj), name) && isInheritedName(name);
      if (refused) {
        throw new Refusal(`不能读取对象的内部属性 ${name}，章节只能读取报告中的数据 (${name} is not data of the report)`);
      }
    }
    return super.readProperty(obj, key);
  }

  /**
   * Liquid's own lookup, except that a missing value with more path after
   * it (`report.stat.x` where `report.stat` is missing) is an error even
   * in `{% if %}` and `default`: only the last step may be absent there,
   * so `{% if report.stats.awarenessMax %}` tests an optional value while
   * a misspelt name above it is still reported.
   */
  override *_getFromScope(scope: unknown, paths: Parameters<Context['_getFromScope']>[1], strictVariables = this.strictVariables): Generator<unknown, unknown, unknown> {
    const keys = typeof paths === 'string' ? paths.split('.') : paths;
    let value = scope;
    for (let i = 0; i < keys.length; i++) {
      value = yield this.readProperty(value as Parameters<Context['readProperty']>[0], keys[i]!);
      if (strictVariables && value === undefined) {
        const name = keys.slice(0, i + 1).join('.');
        // Liquid's lenient `if` recognises its own error by this name and reads the value as empty.
        if (i === keys.length - 1) throw Object.assign(new Error(`undefined variable: ${name}`), { name: 'InternalUndefinedVariableError', variableName: name });
        throw new Refusal(undefinedValueMessage(name));
      }
    }
    return value;
  }

  override spawn(scope: object = {}): Context {
    const self = this as unknown as { sync: boolean; globals: object };
    return new GuardedContext(
      scope,
      this.opts,
      { sync: self.sync, globals: self.globals, strictVariables: this.strictVariables, ownPropertyOnly: this.ownPropertyOnly },
      { renderLimit: this.renderLimit, memoryLimit: this.memoryLimit, liquid: this.liquid },
    );
  }
}

/** Collects a chapter's output, charging every character to the render's memory limit. */
class ChargedEmitter implements Emitter {
  buffer = '';
  constructor(private readonly context: Context) {}
  write(html: unknown): void {
    const text = typeof html === 'string' ? html : String(html ?? '');
    this.context.memoryLimit.use(text.length);
    this.buffer += text;
  }
}

/** `{% capture %}` charging the captured text to the memory limit, so a capture in a loop cannot grow without bound. */
class ChargedCaptureTag extends CaptureTag {
  override *render(ctx: Context): Generator<unknown, void, string> {
    yield* super.render(ctx);
    ctx.memoryLimit.use(String(ctx.bottom()[this.variable] ?? '').length);
  }
}

/** A tag that fails at parse time with its Chinese explanation. */
function refusedTag(name: string, hint: string): new (token: TagToken, remain: TopLevelToken[], liquid: Liquid) => Tag {
  return class extends Tag {
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      throw new Refusal(`章节中不能使用 {% ${name} %}：${hint} (tag "${name}" is not allowed in chapters)`);
    }
    *render(): Generator<unknown, void, unknown> {}
  };
}

/**
 * A filter whose errors surface at the `{{ … }}` or tag that called it:
 * Liquid reports an error inside a filter's own expression (`where`,
 * `where_exp`) at a position within that expression's text, so it is
 * passed on as a plain error for the calling template to place.
 */
function placedAtCaller(filter: FilterImplOptions): FilterImplOptions {
  const handler = typeof filter === 'function' ? filter : filter.handler;
  const wrapped: typeof handler = function* (this: ThisParameterType<typeof handler>, ...args: unknown[]): Generator<unknown, unknown, unknown> {
    try {
      return yield handler.apply(this, args as [unknown, ...unknown[]]);
    } catch (error) {
      throw LiquidError.is(error) ? Object.assign(new Error((error as Error).message), { cause: error }) : error;
    }
  };
  return typeof filter === 'function' ? wrapped : { ...filter, handler: wrapped };
}

/** A file system that refuses every call, so no tag can read a file even if one slipped through. */
const NO_FILES: FS = {
  exists: async (): Promise<boolean> => false,
  existsSync: (): boolean => false,
  readFile: async (): Promise<string> => {
    throw new Refusal('章节不能读取文件 (chapters cannot read files)');
  },
  readFileSync: (): string => {
    throw new Refusal('章节不能读取文件 (chapters cannot read files)');
  },
  resolve: (_root: string, file: string): string => file,
  contains: async (): Promise<boolean> => false,
  containsSync: (): boolean => false,
  dirname: (file: string): string => file,
  sep: '/',
};

/** A Liquid engine set up for chapters, with the limits it enforces. */
export interface ChapterEngine {
  readonly liquid: Liquid;
  readonly limits: ChapterLimits;
}

/**
 * A Liquid engine for chapters: output escaped (`&<>"'`), strict values
 * and filters, own properties only, no file access, the tags and filters
 * listed in docs/editing.md, and `limits`. One engine renders any number
 * of chapters; the limits apply to each chapter alone.
 *
 * @example
 * renderChapterTemplate(chapterEngine(), '{{ report.n | score: 1 }}', { report: { n: 3 } }) // '3.0'
 */
export function chapterEngine(limits: ChapterLimits = DEFAULT_CHAPTER_LIMITS): ChapterEngine {
  const liquid = new Liquid({
    outputEscape: 'escape',
    strictVariables: true,
    strictFilters: true,
    // `{% if report.stats.awarenessMax %}` tests whether an optional value is there.
    lenientIf: true,
    // 0 and empty text are false in a condition, as editors (and the figures they test) expect.
    jsTruthy: true,
    ownPropertyOnly: true,
    fs: NO_FILES,
    root: [],
    partials: [],
    layouts: [],
    relativeReference: false,
    dynamicPartials: false,
    globals: Object.create(null) as object,
    // Given, so that Liquid does not ask ICU for the machine's default locale (`new Intl.DateTimeFormat()`,
    // 10–25 ms and once 1.4 s with cold caches) for date filters chapters cannot use (WITHHELD_FILTERS).
    locale: 'zh-CN',
    cache: false,
    parseLimit: limits.parseChars,
    renderLimit: limits.renderMs,
    memoryLimit: limits.memoryUnits,
  });
  const tags = liquid.tags as Record<string, unknown>;
  for (const name of Object.keys(tags)) if (!ALLOWED_TAGS.has(name)) delete tags[name];
  for (const [name, hint] of Object.entries(TAG_HINTS)) liquid.registerTag(name, refusedTag(name, hint));
  liquid.registerTag('capture', ChargedCaptureTag);
  for (const name of Object.keys(WITHHELD_FILTERS)) liquid.unregisterFilter(name);
  for (const [name, filter] of Object.entries(liquid.filters)) liquid.registerFilter(name, placedAtCaller(filter));
  for (const [name, format] of Object.entries(siteFilters)) {
    liquid.registerFilter(name, function (this: { context: Context }, ...args: unknown[]) {
      const text = (format as (...values: unknown[]) => string)(...args.map((a) => toValue(a)));
      this.context.memoryLimit.use(text.length);
      return text;
    });
  }
  return { liquid, limits };
}

/**
 * Renders one chapter's template text with `data` as its only values
 * (`{ report }`): parse, check the nesting, render under the limits.
 * Every failure, whether of syntax, an unknown value, a refused tag or
 * name, or a limit, is a `ChapterTemplateError` with a Chinese message
 * (Liquid's own words in parentheses) and the line and column in `text`.
 *
 * @example
 * renderChapterTemplate(chapterEngine(), '共{{ report.n }}项', { report: { n: 20 } }) // '共20项'
 * renderChapterTemplate(chapterEngine(), '\n{% include "x" %}', {}) // throws ChapterTemplateError at 2:1
 */
export function renderChapterTemplate({ liquid, limits }: ChapterEngine, text: string, data: Readonly<Record<string, unknown>>): string {
  try {
    if (text.length > limits.parseChars) {
      throw new ChapterTemplateError(
        `章节过长，超过 ${limits.parseChars} 个字符，请拆分为几章 (expected at most ${limits.parseChars} characters, found ${text.length})`,
        1,
        1,
      );
    }
    prescan(liquid, text, limits);
    const templates = liquid.parse(text);
    const scope = Object.assign(Object.create(null) as object, data);
    const context = new GuardedContext(scope, liquid.options, { sync: true }, { liquid });
    const emitter = new ChargedEmitter(context);
    renderPlaced(liquid, templates, context, emitter);
    return emitter.buffer;
  } catch (error) {
    throw explain(error, text);
  }
}

/**
 * Renders the top-level templates one at a time, as Liquid's own loop
 * does, so that a time limit crossed between two of them is placed: Liquid
 * checks the clock before it starts the next template, outside any
 * template, and its error would have no line. The template that used the
 * time is the one before.
 */
function renderPlaced(liquid: Liquid, templates: Template[], context: Context, emitter: Emitter): void {
  let previous: Template | undefined;
  for (const template of templates) {
    try {
      toValueSync(liquid.renderer.renderTemplates([template], context, emitter));
    } catch (error) {
      throw LiquidError.is(error) ? error : new RenderError(error as Error, previous ?? template);
    }
    if (context.breakCalled || context.continueCalled) return;
    previous = template;
  }
}

/**
 * Reads the template's tags before Liquid parses them, refusing what the
 * parser would take too long or too deep a stack over: more than
 * `maxTags` tags and values (Liquid's parser is quadratic in their
 * number) or `maxTagChars` characters inside them (each filter in them is
 * parsed and called), block tags nested deeper than `maxNesting` (it
 * recurses once per level). A Nunjucks comment `{# … #}` is refused too,
 * since Liquid would print it. Text inside `comment` and `raw` is not
 * looked at, as Liquid does not parse it either.
 */
function prescan(liquid: Liquid, text: string, limits: ChapterLimits): void {
  const tokenizer = new Tokenizer(text, liquid.options.operators);
  let tags = 0;
  let tagChars = 0;
  let depth = 0;
  let opaqueUntil: string | undefined;
  const refuse = (message: string, offset: number): never => {
    const { line, column } = textPosition(text, offset);
    throw new ChapterTemplateError(message, line, column);
  };
  while (tokenizer.p < tokenizer.N) {
    const token = tokenizer.readTopLevelToken(liquid.options);
    if (TypeGuards.isHTMLToken(token)) {
      const comment = opaqueUntil ? -1 : token.getContent().indexOf('{#');
      if (comment >= 0) {
        refuse('注释请写作 {% comment %}…{% endcomment %} 或 {% # … %}，{# … #} 会原样印出 ({# … #} is Nunjucks, not Liquid)', token.begin + comment);
      }
      continue;
    }
    if (++tags > limits.maxTags) {
      refuse(`章节中的 {{ }} 和 {% %} 过多，超过 ${limits.maxTags} 个，请用循环或拆分为几章 (expected at most ${limits.maxTags} tags and values, found more)`, token.begin);
    }
    tagChars += token.end - token.begin;
    if (tagChars > limits.maxTagChars) {
      refuse(`章节中 {{ }} 和 {% %} 里的内容过长，合计超过 ${limits.maxTagChars} 个字符，请简化或拆分为几章 (expected at most ${limits.maxTagChars} characters in tags and values, found more)`, token.begin);
    }
    if (!TypeGuards.isTagToken(token)) continue;
    const name = token.name;
    if (opaqueUntil) {
      if (name === opaqueUntil) opaqueUntil = undefined;
      else continue;
    }
    if (BLOCK_TAGS.has(name)) {
      if (++depth > limits.maxNesting) {
        refuse(`标签嵌套过深，超过 ${limits.maxNesting} 层，请简化 (expected block tags nested at most ${limits.maxNesting} deep, found ${depth})`, token.begin);
      }
      if (name === 'comment' || name === 'raw') opaqueUntil = `end${name}`;
    } else if (name.startsWith('end')) {
      depth = Math.max(0, depth - 1);
    }
  }
}

/**
 * The 1-based line and column of `offset` in `text`, counting lines by
 * `\n` (as Liquid does; a `\r` before it is the end of the line) and
 * columns in UTF-16 code units (as the YAML loader does).
 *
 * @example
 * textPosition('甲\n乙丙', 3) // { line: 2, column: 2 }
 */
export function textPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** The Chinese explanation and the position of anything a chapter template threw. */
function explain(error: unknown, text: string): ChapterTemplateError {
  if (error instanceof ChapterTemplateError) return error;
  const chain = causes(error);
  const placed = chain.find((e): e is LiquidError => LiquidError.is(e) && (e as LiquidError & { token?: { input?: string } }).token?.input === text);
  const [line, column] = placed ? (placed as unknown as { token: { getPosition(): [number, number] } }).token.getPosition() : [1, 1];
  return new ChapterTemplateError(chineseMessage(chain), line, column);
}

/** The error, then what it wraps (`originalError`, `cause`), outermost first. */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = error; e !== undefined && e !== null && !chain.includes(e) && chain.length < 20; ) {
    chain.push(e);
    const next = e as { originalError?: unknown; cause?: unknown };
    e = next.originalError ?? next.cause;
  }
  return chain;
}

/** Liquid's message without the `, line:3, col:5` it appends. */
function liquidWords(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/(, file:[^,]*)?, line:\d+, col:\d+$/, '').trim();
}

function undefinedValueMessage(name: string): string {
  return `报告中没有这个值：${name}，请检查拼写和 id (undefined variable: ${name})`;
}

function chineseMessage(chain: unknown[]): string {
  const refusal = chain.find((e): e is Refusal => e instanceof Refusal);
  if (refusal) return refusal.message;
  const innermost = chain[chain.length - 1];
  const words = liquidWords(innermost);
  const undefinedValue = chain.find((e) => (e as Error)?.name === 'InternalUndefinedVariableError') as { variableName?: string } | undefined;
  if (undefinedValue?.variableName) return undefinedValueMessage(undefinedValue.variableName);
  let match: RegExpExecArray | null;
  if ((match = /^undefined filter: (.+)$/.exec(words))) {
    const name = match[1]!;
    const hint = Object.hasOwn(WITHHELD_FILTERS, name) ? WITHHELD_FILTERS[name] : '可用的过滤器见 docs/editing.md';
    return `章节中没有过滤器 ${name}：${hint} (${words})`;
  }
  if ((match = /^tag "(.+)" not found$/.exec(words))) {
    const name = match[1]!;
    const hint = Object.hasOwn(TAG_HINTS, name) ? TAG_HINTS[name] : '可用的标签见 docs/editing.md';
    return `章节中没有 {% ${name} %} 这个标签：${hint} (${words})`;
  }
  if (/^template render limit exceeded$/.test(words)) {
    return `章节渲染超时（超过上限），已停止；请检查循环是否过多 (${words})`;
  }
  if (/^memory alloc limit exceeded$/.test(words)) {
    return `章节生成的内容过多（超过上限），已停止；请检查循环和拼接 (${words})`;
  }
  if (/^parse length limit exceeded$/.test(words)) {
    return `章节过长（超过上限），请拆分为几章 (${words})`;
  }
  if (/not closed$/.test(words)) {
    return `标签或 {{ }} 没有闭合，请检查 {% end… %}、}} 和 %} 是否成对 (${words})`;
  }
  if (chain.some((e) => (e as Error)?.name === 'TokenizationError' || (e as Error)?.name === 'ParseError')) {
    return `章节模板语法错误，请对照 docs/editing.md 中的写法 (${words})`;
  }
  return `章节模板无法渲染 (${words})`;
}
