import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../core/errors.js';
import { decodeRecord } from './codec.js';
import { normalizeName, splitEcosystem } from './names.js';
import type { OsvRecord } from './osv.js';
import { migrate, SCHEMA_VERSION, SchemaTooNewError, schemaVersion } from './schema.js';
import { StoreWriter } from './store-writer.js';

/** What is loaded for one ecosystem (`db status`, freshness checks). */
export interface EcosystemStatus {
  ecosystem: string;
  advisories: number;
  /** The newest `modified` of its advisories (ISO 8601), null when it has none. */
  newestModified: string | null;
  /** When an import or update last brought advisories for it (ISO 8601). */
  importedAt: string;
  /** The path or URL that import read. */
  origin: string;
}

export interface OpenOptions {
  /** Scans open read-only: they never change the database and never wait on a writer. */
  readonly?: boolean;
}

/** Lookups repeat across lockfiles of one scan; past this many names the cache starts over. */
const CACHE_LIMIT = 50_000;

type Row = { record: string | Buffer };

/** The local vulnerability database: OSV records indexed by ecosystem and package name. */
export class VulnStore {
  private readonly cache = new Map<string, OsvRecord[]>();
  private readonly byName: Database.Statement<[string, string], Row>;
  private readonly byRelease: Database.Statement<[string, string, string], Row>;

  private constructor(
    readonly db: Database.Database,
    /** The file, or undefined for an empty stand-in when none exists yet. */
    readonly path: string | undefined,
  ) {
    this.byName = db.prepare(
      `SELECT a.record FROM advisories a WHERE a.id IN
         (SELECT advisory_id FROM affected WHERE ecosystem = ? AND normalized_name = ?)
       ORDER BY a.id`,
    );
    this.byRelease = db.prepare(
      `SELECT a.record FROM advisories a WHERE a.id IN
         (SELECT advisory_id FROM affected WHERE ecosystem = ? AND normalized_name = ?
            AND ecosystem_release IN (?, ''))
       ORDER BY a.id`,
    );
  }

  /**
   * Opens (creating it when writable) the database at `path`. Read-only opens of a file that
   * does not exist yet give an empty database, so a scan on a fresh machine says "empty"
   * instead of failing.
   */
  static open(path: string, opts: OpenOptions = {}): VulnStore {
    if (opts.readonly) {
      if (!existsSync(path)) return VulnStore.empty();
      upgradeIfNeeded(path);
      return new VulnStore(connect(path, true), path);
    }
    mkdirSync(dirname(path), { recursive: true });
    const db = connect(path, false);
    db.pragma('journal_mode = WAL');
    guard(path, () => migrate(db));
    return new VulnStore(db, path);
  }

  /** An in-memory database with nothing in it. */
  static empty(): VulnStore {
    const db = new Database(':memory:');
    migrate(db);
    return new VulnStore(db, undefined);
  }

  /**
   * Every advisory naming this package in this ecosystem, withdrawn ones included (the matcher
   * decides). `Alpine:v3.18` narrows to that release and to advisories naming no release. The
   * arrays are shared with later calls: treat them as read-only.
   */
  recordsFor(ecosystem: string, name: string): OsvRecord[] {
    const { base, release } = splitEcosystem(ecosystem);
    const key = normalizeName(base, name);
    const cacheKey = `${base}\0${release}\0${key}`;
    const hit = this.cache.get(cacheKey);
    if (hit) return hit;
    const rows = release ? this.byRelease.all(base, key, release) : this.byName.all(base, key);
    const records = rows.map((r) => decodeRecord(r.record));
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(cacheKey, records);
    return records;
  }

  /** One line per ecosystem ever imported, by name. */
  status(): EcosystemStatus[] {
    const rows = this.db
      .prepare('SELECT name, imported_at, count, newest_modified, origin FROM sources ORDER BY name')
      .all() as {
      name: string;
      imported_at: string;
      count: number;
      newest_modified: string | null;
      origin: string;
    }[];
    return rows.map((r) => ({
      ecosystem: r.name,
      advisories: r.count,
      newestModified: r.newest_modified,
      importedAt: r.imported_at,
      origin: r.origin,
    }));
  }

  /** Starts an all-or-nothing write: nothing is visible to readers until `commit`. */
  beginWrite(): StoreWriter {
    if (this.db.readonly) throw new Error('the vulnerability database was opened read-only');
    this.cache.clear();
    return new StoreWriter(this.db);
  }

  close(): void {
    this.db.close();
  }
}

function connect(path: string, readonly: boolean): Database.Database {
  return guard(path, () => {
    const db = new Database(path, { readonly, fileMustExist: readonly, timeout: 10_000 });
    // Fails here, not on the first query, when the file is not a SQLite database.
    db.pragma('user_version');
    return db;
  });
}

/** A read-only connection cannot migrate: a short writable one does it first. */
function upgradeIfNeeded(path: string): void {
  const probe = connect(path, true);
  const version = schemaVersion(probe);
  probe.close();
  if (version === SCHEMA_VERSION) return;
  const db = connect(path, false);
  try {
    guard(path, () => migrate(db));
  } finally {
    db.close();
  }
}

/** Turns the failures a user can fix (a foreign or newer file) into messages that say how. */
function guard<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof SchemaTooNewError) {
      throw new UserError(
        `the vulnerability database ${path} was written by a newer Gatehouse (${e.message})`,
        'upgrade Gatehouse, or point GATEHOUSE_CACHE_DIR elsewhere and run `gatehouse db update`',
      );
    }
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new UserError(
        `${path} is not a usable vulnerability database (${(e as Error).message})`,
        'delete it and run `gatehouse db update` or `gatehouse db import`',
      );
    }
    throw e;
  }
}
