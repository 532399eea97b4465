/**
 * Records keyed by ids from the data. An id is any kebab-case word, so it
 * may be `constructor`; on a plain object `record['constructor']` is the
 * Object function even when no such id exists, and a template asking
 * `report.unitById[id]` or `scenario.methods[m.id] !== undefined` would
 * get a function instead of nothing. These records have no prototype:
 * every lookup sees only the ids put in.
 */

/**
 * A record with no prototype holding `entries`, in their order; a later
 * entry with the same key replaces the earlier one. Serialises to JSON
 * like a plain object.
 *
 * @example
 * const byId = ownRecord([['constructor', 1]]);
 * byId.constructor // 1
 * ownRecord([])['constructor'] // undefined
 */
export function ownRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/**
 * The value stored under `key` in `record` itself, never one inherited
 * from its prototype (`toString`, `constructor`); undefined when absent.
 *
 * @example
 * ownValue({ a: 1 }, 'a')           // 1
 * ownValue({ a: 1 }, 'constructor') // undefined
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
