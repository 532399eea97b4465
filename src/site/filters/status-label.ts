/**
 * Names an experience's status in Chinese: `推广中` or `已停止推广`.
 *
 * @example
 * statusLabel('discontinued') // '已停止推广'
 */
export function statusLabel(status: string): string {
  return status === 'discontinued' ? '已停止推广' : '推广中';
}
