/**
 * Judges the floors of the fixed stack against issue 7's build budgets: if
 * one step the stack cannot skip (parsing the YAML, Eleventy carrying
 * output of this size, Pagefind indexing it) already takes more than 2× bare
 * Eleventy on trivial pages, no code of ours can meet the budget at that
 * size with this stack. The budget is on wall time, so the verdict is too;
 * the CPU-time ratio is quoted beside it, because on a shared machine wall
 * time can put a floor over the line by itself.
 */

/** The floors measured for one edition size, wall ms, in the same run as `bareMs` and `buildMs`. */
export interface FloorMeasurement {
  size: string;
  pages: number;
  /** Bare Eleventy writing `pages` trivial pages (the budget's baseline). */
  bareMs: number;
  /** The project's build, start of loading to the site in place. */
  buildMs: number;
  /** js-yaml `load` of every data file, reading included. */
  yamlMs: number;
  /** Bare Eleventy writing the built pages' bytes. */
  sameBytesMs: number;
  /** Pagefind alone over the built pages. */
  pagefindMs: number;
  /**
   * CPU time of the same runs, ms (Pagefind's process included): steadier
   * than wall time on a shared machine, so a verdict quotes it beside the
   * wall-time ratio.
   */
  cpuMs?: { bare: number; yaml: number; sameBytes: number; pagefind: number };
}

/** A size's floors judged. */
export interface FloorVerdict extends FloorMeasurement {
  /** The three floors one after another, as the build must run them (rendering needs the data; Pagefind reads written pages). */
  floorsMs: number;
  /** Each floor, and their sum, over `bareMs`. */
  ratios: { yaml: number; sameBytes: number; pagefind: number; floors: number };
  /** The same ratios on CPU time, when measured. */
  cpuRatios?: { yaml: number; sameBytes: number; pagefind: number; floors: number };
  /** buildMs / floorsMs: how far the build is above the stack's floor. */
  buildOverFloors: number;
  /** Names of the floors that alone exceed the ratio budget. */
  aloneOver: Array<'yaml' | 'sameBytes' | 'pagefind'>;
  /** The floors together exceed the ratio budget. */
  floorsOver: boolean;
  /** (floorsMs − start-up floorsMs) / (pages − start-up pages); null without a start-up size or for it. */
  floorsMsPerPage: number | null;
}

/** Readable names of the floors, for verdicts and headings. */
export const FLOOR_NAMES = { yaml: 'YAML load', sameBytes: 'Eleventy same bytes', pagefind: 'Pagefind' } as const;

/**
 * Judge each size's floors against `maxRatio` × bare Eleventy; per page
 * beyond the start-up size's floors when `startup` is given.
 *
 * @example
 * const [v] = judgeFloors(
 *   [{ size: '50x', pages: 2303, bareMs: 1000, buildMs: 35000, yamlMs: 3000, sameBytesMs: 9000, pagefindMs: 8000 }],
 *   { pages: 7, floorsMs: 500 },
 * );
 * v.aloneOver; // ['yaml', 'sameBytes', 'pagefind']
 * v.ratios.floors; // 20
 * v.floorsMsPerPage; // (20000 − 500) / 2296 ≈ 8.49
 */
export function judgeFloors(
  sizes: readonly FloorMeasurement[],
  startup?: { pages: number; floorsMs: number },
  maxRatio = 2,
): FloorVerdict[] {
  return sizes.map((m) => {
    const floorsMs = m.yamlMs + m.sameBytesMs + m.pagefindMs;
    const ratios = { yaml: m.yamlMs / m.bareMs, sameBytes: m.sameBytesMs / m.bareMs, pagefind: m.pagefindMs / m.bareMs, floors: floorsMs / m.bareMs };
    const extraPages = startup ? m.pages - startup.pages : 0;
    const c = m.cpuMs;
    return {
      ...m,
      floorsMs,
      ratios,
      ...(c && {
        cpuRatios: { yaml: c.yaml / c.bare, sameBytes: c.sameBytes / c.bare, pagefind: c.pagefind / c.bare, floors: (c.yaml + c.sameBytes + c.pagefind) / c.bare },
      }),
      buildOverFloors: m.buildMs / floorsMs,
      aloneOver: (['yaml', 'sameBytes', 'pagefind'] as const).filter((k) => ratios[k] > maxRatio),
      floorsOver: ratios.floors > maxRatio,
      floorsMsPerPage: startup && extraPages > 0 ? (floorsMs - startup.floorsMs) / extraPages : null,
    };
  });
}

/**
 * One line saying what the floors prove for this size: a floor alone over
 * the budget makes it unreachable with this stack; the floors together
 * over it make it unreachable as long as they run one after another;
 * otherwise the build's excess is the project's own code.
 *
 * @example
 * floorVerdictText(v, 2, 1.5);
 * // 'floor alone already exceeds 2× bare (YAML load 3.00×, Eleventy same bytes 9.00×, Pagefind 8.00×): unreachable with this stack; floors alone 8.49 ms/page beyond start-up > 1.5'
 */
export function floorVerdictText(v: FloorVerdict, maxRatio = 2, maxMsPerPage = 1.5): string {
  const parts: string[] = [];
  const cpu = (k: keyof FloorVerdict['ratios']) => (v.cpuRatios ? ` (CPU ${v.cpuRatios[k].toFixed(2)}×)` : '');
  if (v.aloneOver.length > 0) {
    const which = v.aloneOver.map((k) => `${FLOOR_NAMES[k]} ${v.ratios[k].toFixed(2)}×${cpu(k)}`).join(', ');
    parts.push(`floor alone already exceeds ${maxRatio}× bare (${which}): unreachable with this stack`);
  } else if (v.floorsOver) {
    parts.push(`no floor alone exceeds ${maxRatio}× bare; together ${v.ratios.floors.toFixed(2)}×${cpu('floors')}: unreachable while they run one after another`);
  } else {
    parts.push(`floors within ${maxRatio}× bare (${v.ratios.floors.toFixed(2)}×${cpu('floors')}): the rest is the project's code`);
  }
  if (v.floorsMsPerPage !== null && v.floorsMsPerPage > maxMsPerPage) parts.push(`floors alone ${v.floorsMsPerPage.toFixed(2)} ms/page beyond start-up > ${maxMsPerPage}`);
  return parts.join('; ');
}
