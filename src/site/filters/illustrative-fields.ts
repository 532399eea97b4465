/** Chinese names of the data fields an editor may mark as illustrative. */
const FIELD_NAMES: Record<string, string> = {
  name: '名称',
  title: '名称',
  batch: '批次',
  lead: '牵头部门',
  origin: '经验来源地',
  internet_plus: '是否“互联网+”项目',
  status: '推广状态',
  status_note: '状态说明',
  not_applicable: '不适用情况',
  lead_assessment: '牵头部门评估分',
  scores: '各单位得分',
  rectification_plan: '整改方案情况',
  satisfied: '满意人数',
  awareness: '知晓人数',
  count: '数量',
  criteria: '各指标分值',
  methods: '各评估方式权重',
  lead_weight: '牵头部门评估所占比重',
  spread_method: '得分差距的计算口径',
  scenarios: '稳健性分析方案',
  uncertainty: '排名不确定性分析的各项假设',
};

/**
 * Names, in Chinese and joined with 、, the fields of an item that are
 * illustrative (chosen by the editors, not printed in the report); an
 * unknown field keeps its key. Empty for an item with nothing illustrative.
 *
 * @example
 * illustrativeFields(['name', 'rectification_plan']) // '名称、整改方案情况'
 * illustrativeFields([])                            // ''
 */
export function illustrativeFields(fields: readonly string[] | null | undefined): string {
  return (fields ?? []).map((field) => (Object.hasOwn(FIELD_NAMES, field) ? FIELD_NAMES[field]! : field)).join('、');
}
