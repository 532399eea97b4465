/**
 * Says in Chinese what a not-applicable policy does to a unit's score.
 *
 * @example
 * naPolicy('lowest') // '按该项经验适用单位中的最低综合得分计入'
 */
export function naPolicy(policy: string): string {
  switch (policy) {
    case 'exclude':
      return '不计入该单位的平均分';
    case 'lowest':
      return '按该项经验适用单位中的最低综合得分计入';
    case 'zero':
      return '按0分计入';
    default:
      return policy;
  }
}
