import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { readAdvisoryFile } from './advisory-file.js';
import type { Note } from './convert/types.js';
import { DEFAULT_LIMITS, type ImportLimits } from './limits.js';
import { type SourceItem, sourceItems } from './sources.js';
import type { VulnStore } from './store.js';
import type { StoreWriter } from './store-writer.js';
import { validateRecord } from './validate.js';
import { ZipError } from './zip.js';

/** A record or file left out, and why. */
export interface ImportDiagnostic {
  file: string;
  reason: string;
}

export interface ImportReport {
  /** Advisory files read (zip entries included). */
  files: number;
  /** Files that are not advisories (READMEs, licences, index files), not read further. */
  skippedFiles: number;
  records: number;
  inserted: number;
  updated: number;
  /** Already stored with the same or a newer `modified`. */
  unchanged: number;
  /** Bad files and records, the first `MAX_DIAGNOSTICS` of `rejectedCount`. */
  rejected: ImportDiagnostic[];
  rejectedCount: number;
  /** Advisories a converter left out on purpose (OSV cannot express them), counted by reason. */
  notes: { reason: string; count: number; examples: string[] }[];
  /** Ecosystems this import brought advisories for. */
  ecosystems: string[];
  seconds: number;
}

export interface ImportInput {
  path: string;
  /** What `db status` names as the source; the absolute path when not given. */
  origin?: string;
}

export interface ImportOptions {
  /** Any bad file or record aborts the whole import (nothing is written). */
  strict?: boolean;
  limits?: Partial<ImportLimits>;
  /** Called after every record; throwing from it aborts the import like any other failure. */
  onProgress?: (report: Readonly<ImportReport>) => void;
  now?: Date;
}

const MAX_DIAGNOSTICS = 1000;

/**
 * Imports OSV (and convertible) advisories from files, folders and zip dumps in one
 * transaction: either every path is imported or, on any failure, nothing is.
 */
export async function importAdvisories(
  store: VulnStore,
  inputs: readonly (string | ImportInput)[],
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const started = performance.now();
  const resolved = inputs.map(resolveInput);
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const run = new ImportRun(store.beginWrite(), opts);
  try {
    for (const input of resolved) {
      for await (const item of sourceItems(input.path, limits)) run.handle(item, input.origin);
    }
    run.finish();
    run.writer.commit(opts.now);
  } catch (e) {
    run.writer.rollback();
    if (e instanceof ZipError) throw new UserError(`cannot import ${e.message}`, 'nothing was imported');
    if ((e as { code?: string }).code === 'SQLITE_FULL') {
      throw new UserError(
        'the disk is full: the import was rolled back',
        'free some space, then run it again',
      );
    }
    throw e;
  }
  return {
    ...run.report,
    ecosystems: run.writer.ecosystems(),
    seconds: (performance.now() - started) / 1000,
  };
}

function resolveInput(input: string | ImportInput): Required<ImportInput> {
  const i = typeof input === 'string' ? { path: input } : input;
  const path = resolve(i.path);
  if (!existsSync(path)) throw new UserError(`${i.path}: no such file or directory`);
  return { path, origin: i.origin ?? path };
}

class ImportRun {
  readonly report: ImportReport = {
    files: 0,
    skippedFiles: 0,
    records: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: [],
    rejectedCount: 0,
    notes: [],
    ecosystems: [],
    seconds: 0,
  };
  private readonly notes = new Map<string, { count: number; examples: string[] }>();

  constructor(
    readonly writer: StoreWriter,
    private readonly opts: ImportOptions,
  ) {}

  handle(item: SourceItem, origin: string): void {
    if (item.kind === 'skipped') {
      this.report.skippedFiles++;
    } else if (item.kind === 'rejected') {
      this.reject(item.path, item.reason);
    } else {
      this.report.files++;
      this.readFile(item.path, item.bytes, item.mtime, origin);
    }
  }

  private readFile(path: string, bytes: Buffer, mtime: Date, origin: string): void {
    let result: ReturnType<typeof readAdvisoryFile>;
    try {
      result = readAdvisoryFile({ path, text: bytes.toString('utf8'), mtime });
    } catch (e) {
      // Whatever a hostile file does to a parser (a stack overflow included) stays that file's problem.
      this.reject(path, e instanceof Error ? e.message : String(e));
      return;
    }
    if (!result.advisory) {
      this.report.skippedFiles++;
      return;
    }
    for (const reason of result.errors ?? []) this.reject(path, reason);
    for (const note of result.notes) this.note(note);
    for (const candidate of result.records) this.store(path, candidate, origin);
  }

  private store(path: string, candidate: unknown, origin: string): void {
    const v = validateRecord(candidate);
    if (!v.ok) {
      this.reject(path, v.reason);
      return;
    }
    this.report.records++;
    this.report[this.writer.put(v.record, origin)]++;
    this.opts.onProgress?.(this.report);
  }

  private reject(file: string, reason: string): void {
    if (this.opts.strict) throw new UserError(`${file}: ${reason}`, 'nothing was imported (--strict)');
    this.report.rejectedCount++;
    if (this.report.rejected.length < MAX_DIAGNOSTICS) this.report.rejected.push({ file, reason });
  }

  /** Notes are counted by reason, with a few examples, so the summary stays short. */
  private note(note: Note): void {
    const n = this.notes.get(note.reason) ?? { count: 0, examples: [] };
    n.count++;
    if (note.subject && n.examples.length < 5) n.examples.push(note.subject);
    this.notes.set(note.reason, n);
  }

  finish(): void {
    this.report.notes = [...this.notes].map(([reason, n]) => ({ reason, ...n }));
  }
}
