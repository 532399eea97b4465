/**
 * What the data layer hands the schema: every file of an edition read into
 * a loose value, with the issues that stopped it being read and a way to
 * find any entry's line and column. Built from disk by `loadEditionFiles`,
 * or in memory by the workbook import and by tests.
 */
import type { Issue, PathKey, Position } from './errors.ts';

/** A file of an edition as read: its value (unknown until validated) and where each entry is. */
export interface RawFile {
  /** Path relative to the working directory, as errors print it. */
  file: string;
  /** The parsed value; `undefined` when the file could not be read. */
  value: unknown;
  /** Problems met while reading; a file with issues is not validated further. */
  issues: Issue[];
  /** Finds the line and column of a field path in this file. */
  locate: (path: readonly PathKey[]) => Position;
}

/** Every file of an edition as read from disk (or built in memory by a test). */
export interface RawEditionFiles {
  report: RawFile;
  scheme: RawFile;
  units: RawFile;
  departments: RawFile;
  survey: RawFile;
  /** Optional: an edition without activity counts has none. */
  activity?: RawFile | undefined;
  /** In source order (numeric file-name prefix). */
  experiences: RawFile[];
}
