/**
 * JSON Schemas of every data file, generated from the zod schemas so that
 * editors (VS Code with the YAML extension, via the
 * `# yaml-language-server: $schema=…` first line) get completion, hover
 * help and red squiggles for the same rules the build applies to shapes.
 * Cross-file rules (known ids, sums) are only in `checkEdition`.
 */
import { z } from 'zod';
import { experienceFileSchema } from './experience-file.ts';
import { reportFileSchema } from './report-file.ts';
import { schemeFileSchema } from './scheme-file.ts';
import { activityFileSchema, surveyFileSchema } from './survey-file.ts';
import { departmentsFileSchema, unitsFileSchema } from './units-file.ts';

/**
 * Each data file's schema, by the name of its `schema/<name>.schema.json`.
 *
 * @example
 * Object.keys(FILE_SCHEMAS) // ['report', 'scheme', 'units', 'departments', 'experience', 'survey', 'activity']
 */
export const FILE_SCHEMAS = {
  report: { schema: reportFileSchema, title: 'report.yaml：报告信息、依据、实地工作和原文印刷数字' },
  scheme: { schema: schemeFileSchema, title: 'scheme.yaml：评估指标、评估方式、权重、计分规则和敏感性情形' },
  units: { schema: unitsFileSchema, title: 'units.yaml：被评估单位（区县及高新区），按显示顺序' },
  departments: { schema: departmentsFileSchema, title: 'departments.yaml：市直牵头部门，按显示顺序' },
  experience: { schema: experienceFileSchema, title: 'experiences/NN-<id>.yaml：一项创新改革经验及其得分' },
  survey: { schema: surveyFileSchema, title: 'survey.yaml：问卷调查结果' },
  activity: { schema: activityFileSchema, title: 'activity.yaml：推广推介和督导活动的原文印刷次数' },
} as const;

/**
 * The JSON Schema (draft 2020-12) of one data file, describing what an
 * editor types (defaults make fields optional).
 *
 * @example
 * jsonSchemaFor('units').type // 'array'
 */
export function jsonSchemaFor(name: keyof typeof FILE_SCHEMAS): Record<string, unknown> {
  const { schema, title } = FILE_SCHEMAS[name];
  const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: `${name}.schema.json`, title, ...rest };
}
