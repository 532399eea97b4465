/**
 * The ranking diff as Chinese text for the terminal.
 */
import { alignedTable } from '../model/text/aligned-table.ts';
import { isEmptyDiff, type DiffRow, type RankingDiff } from '../model/ranking-diff.ts';
import { rankText } from '../model/text/rank-text.ts';

/** The line printed when nothing moved. */
export const NOTHING_MOVED = '排名无变化。';

const SECTIONS: Array<[keyof RankingDiff, string]> = [
  ['units', '区县'],
  ['departments', '牵头部门'],
  ['experiences', '创新改革经验'],
];

/** `前 → 后`, with `—` for a missing side (added, removed or not ranked). */
function change(before: string | null, after: string | null): string {
  return `${before ?? '—'} → ${after ?? '—'}`;
}

/** A row's note: 新增 or 删除 when the item appeared or disappeared. */
function note(row: DiffRow): string {
  if (row.scoreBefore === null && row.rankBefore === null) return '新增';
  if (row.scoreAfter === null && row.rankAfter === null) return '删除';
  return '';
}

/**
 * Formats a diff: for each ranking that moved, a heading (`区县：`) and an
 * aligned table with columns 名称, 得分 前→后, 排名 前→后 (and 说明 for added
 * or removed items); rankings that did not move are left out. When nothing
 * moved at all, the single line `排名无变化。`. Ends with a newline.
 *
 * @example
 * formatDiff({ units: [], departments: [], experiences: [] }) // → '排名无变化。\n'
 */
export function formatDiff(diff: RankingDiff): string {
  if (isEmptyDiff(diff)) return `${NOTHING_MOVED}\n`;
  const parts: string[] = [];
  for (const [key, label] of SECTIONS) {
    const rows = diff[key];
    if (rows.length === 0) continue;
    const withNotes = rows.some((r) => note(r) !== '');
    const columns = ['名称', '得分 前→后', '排名 前→后', ...(withNotes ? ['说明'] : [])];
    const body = rows.map((r) => [
      r.name,
      change(r.scoreBefore, r.scoreAfter),
      change(rankText({ rank: r.rankBefore }, 'number'), rankText({ rank: r.rankAfter }, 'number')),
      ...(withNotes ? [note(r)] : []),
    ]);
    const table = alignedTable(columns, body, columns.map(() => false));
    parts.push(`${label}（${rows.length}项变化）：\n${table.join('\n')}`);
  }
  return `${parts.join('\n\n')}\n`;
}
