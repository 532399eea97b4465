/**
 * Names an experience's status in Chinese: `推广中` or `未持续推广` (the word the annexes and charts use).
 *
 * @example
 * statusLabel('discontinued') // '未持续推广'
 */
export function statusLabel(status: string): string {
  return status === 'discontinued' ? '未持续推广' : '推广中';
}
