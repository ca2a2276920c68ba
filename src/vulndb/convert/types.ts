/** One advisory file as the importer read it (from disk or from a zip entry). */
export interface SourceFile {
  /** Shown in diagnostics: a path, or `dump.zip!entry/name.json`. */
  path: string;
  text: string;
  /** When the file last changed: the `modified` of records whose format has no such date. */
  mtime: Date;
}

/**
 * What a file yields: candidate OSV records (validated by the importer like any other); for
 * advisories deliberately left out because OSV cannot express them, a note each; for
 * malformed entries in a file of many (a secdb package), an error each.
 */
export interface Conversion {
  records: unknown[];
  notes: Note[];
  errors?: string[];
}

/** Why an advisory was left out (`reason`, shared by all such cases) and which one (`subject`). */
export interface Note {
  reason: string;
  subject?: string;
}

/** The file is of a known format but malformed: the importer reports it, naming the file. */
export class ConvertError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConvertError';
  }
}

/** The latest of several times (ISO strings or Dates) as an ISO string; undefined when none is one. */
export function latest(...times: (string | Date | undefined)[]): string | undefined {
  const ms = times
    .map((t) => (t instanceof Date ? t.getTime() : t ? Date.parse(t) : Number.NaN))
    .filter((n) => !Number.isNaN(n));
  return ms.length > 0 ? new Date(Math.max(...ms)).toISOString() : undefined;
}
