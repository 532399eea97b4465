/**
 * Rules that keep every score computable: a composite is
 * `Σ w·s / Σ w` over the methods a unit has, so a unit whose only methods
 * carry weight 0 would divide 0 by 0. Under the baseline weights that is
 * refused at the unit's scores; under a named scenario it is allowed for
 * single units (the unit counts as not applicable there), but not when it
 * leaves a whole experience without a scored unit, or a unit without
 * anything to count: the scenario is refused where its weights are written.
 */
import { formatPath, type Issue, type PathKey, type Position } from '../data/errors.ts';
import type { ExperienceFile } from './experience-file.ts';
import type { SchemeFile } from './scheme-file.ts';
import type { UnitsFile } from './units-file.ts';

interface Locatable {
  file: string;
  locate: (path: readonly PathKey[]) => Position;
}

/** What the coverage rules read: the scheme, the units and every experience (undefined when it failed its schema). */
export interface CoverageParts {
  scheme: SchemeFile;
  units: UnitsFile;
  experiences: ReadonlyArray<ExperienceFile | undefined>;
}

/** Where the coverage rules point: scheme.yaml and each experience file. */
export interface CoverageLocators {
  scheme: Locatable;
  experiences: readonly Locatable[];
}

/** Ids shown in one message before the rest are only counted. */
const SHOWN = 5;

/**
 * Checks that every scored unit has a method weighted above 0, and that no
 * named scenario leaves an experience without any scored unit (unless the
 * lead assessment alone makes its score) or a unit with nothing counted
 * under the scenario's not-applicable policy. Scenario rules run only when
 * every experience file passed its schema, since a unit's only score may
 * sit in a file that did not.
 *
 * @example
 * checkCoverage({ scheme, units, experiences }, where) // [] when every score can be computed
 */
export function checkCoverage(parts: CoverageParts, where: CoverageLocators): Issue[] {
  const { scheme, units, experiences } = parts;
  const issues: Issue[] = [];
  const methodBit = new Map(scheme.methods.map((m, i) => [m.id, 2 ** i]));
  const unitIndex = new Map(units.map((u, i) => [u.id, i]));
  const baselineMask = positiveMask(methodBit, Object.fromEntries(scheme.methods.map((m) => [m.id, m.weight])));

  // Each scored pair as the set of known methods it has, as bits; pairs with none are other rules' business.
  const pairs: Array<Array<{ unit: number; methods: number }>> = experiences.map((experience, e) => {
    const list: Array<{ unit: number; methods: number }> = [];
    if (!experience) return list;
    for (const unitId of Object.keys(experience.scores)) {
      const unit = unitIndex.get(unitId);
      if (unit === undefined) continue;
      let methods = 0;
      for (const method of Object.keys(experience.scores[unitId]!)) methods |= methodBit.get(method) ?? 0;
      if (methods === 0) continue;
      list.push({ unit, methods });
      if ((methods & baselineMask) === 0) {
        const at = where.experiences[e]!;
        const path: PathKey[] = ['scores', unitId];
        const zero = scheme.methods.filter((m) => (methods & methodBit.get(m.id)!) !== 0).map((m) => `${m.name}（${m.id}）`);
        issues.push({
          file: at.file,
          ...at.locate(path),
          path: formatPath(path),
          message:
            `该单位只有权重为 0 的评估方式的得分（${zero.join('、')}），综合得分无法计算：请补上权重大于 0 的评估方式的得分，或调整 scheme.yaml 中的权重 ` +
            `(expected a score by a method weighted above 0, found only methods weighted 0)`,
        });
      }
    }
    return list;
  });
  if (experiences.some((e) => e === undefined)) return issues;

  scheme.scenarios.forEach((scenario, i) => {
    if (!scenario.methods) return; // baseline weights: covered by the rule above
    const mask = positiveMask(methodBit, scenario.methods);
    const leadWeight = scenario.lead_weight ?? scheme.lead_weight;
    const policy = scenario.not_applicable ?? scheme.not_applicable;
    const own = new Uint8Array(units.length);
    const empty: string[] = [];
    let anyScored = false;
    pairs.forEach((list, e) => {
      let scored = false;
      for (const pair of list) {
        if ((pair.methods & mask) === 0) continue;
        scored = true;
        own[pair.unit] = 1;
      }
      if (scored) anyScored = true;
      else if (leadWeight < 1) empty.push(experiences[e]!.id);
    });
    const path: PathKey[] = ['scenarios', i, 'methods'];
    const add = (message: string) => issues.push({ file: where.scheme.file, ...where.scheme.locate(path), path: formatPath(path), message });
    if (empty.length > 0) {
      add(
        `在情形“${scenario.name}”下，经验 ${listed(empty)} 的所有得分都来自该情形不计的评估方式，经验得分无法计算 ` +
          `(expected every experience to keep a scored unit, found ${empty.length} without)`,
      );
    }
    const counted = (u: number) => policy === 'zero' || own[u] === 1 || (policy === 'lowest' && anyScored);
    const lost = units.filter((_, u) => !counted(u)).map((u) => u.id);
    if (lost.length > 0) {
      add(
        `在情形“${scenario.name}”下，单位 ${listed(lost)} 在任何经验中都没有可计的得分，单位得分无法计算 ` +
          `(expected every unit to keep a counted score, found ${lost.length} without)`,
      );
    }
  });
  return issues;
}

/** The bits of the methods given a weight above 0. */
function positiveMask(methodBit: ReadonlyMap<string, number>, weights: Readonly<Record<string, number>>): number {
  let mask = 0;
  for (const [id, bit] of methodBit) if (Object.hasOwn(weights, id) && weights[id]! > 0) mask |= bit;
  return mask;
}

/** Up to five ids joined by 、, then how many more. */
function listed(ids: readonly string[]): string {
  const shown = ids.slice(0, SHOWN).join('、');
  return ids.length > SHOWN ? `${shown} 等 ${ids.length} 个` : shown;
}
