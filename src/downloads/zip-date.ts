/**
 * The one date every zipped download (DOCX, XLSX) carries, so the same
 * data gives the same bytes on any machine at any time: the report's
 * publication date, never the time of the build.
 */

/** The dates a zip entry can carry (DOS time, as fflate writes it). */
const ZIP_DATES = { first: Date.UTC(1980, 0, 1), last: Date.UTC(2099, 11, 31) };

/**
 * The fixed timestamp of a build, from the report's publication date
 * (`2018-07-06`), midnight UTC; an unreadable date gives 1980-01-01.
 *
 * @example
 * fixedDate('2018-07-06').toISOString() // → '2018-07-06T00:00:00.000Z'
 */
export function fixedDate(date: string): Date {
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? new Date(ZIP_DATES.first) : parsed;
}

/**
 * The modification time to give fflate for every zip entry: the date,
 * moved into the years a zip can record (1980–2099), so a report dated
 * 1978 or 2100 still zips, and shifted by the time zone, because zip
 * times are local: every machine then writes the same bytes.
 *
 * @example
 * zipTime(fixedDate('2018-07-06')) // the local time whose DOS date is 2018-07-06 00:00
 */
export function zipTime(date: Date): Date {
  const inRange = new Date(Math.min(Math.max(date.getTime(), ZIP_DATES.first), ZIP_DATES.last));
  return new Date(inRange.getTime() + inRange.getTimezoneOffset() * 60_000);
}

/**
 * A date as the W3C date-time the document properties take, whole seconds.
 *
 * @example
 * w3cDate(fixedDate('2018-07-06')) // → '2018-07-06T00:00:00Z'
 */
export function w3cDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
