import type Database from 'better-sqlite3';
import { UserError } from '../core/errors.js';
import { encodeRecord } from './codec.js';
import { normalizeName, splitEcosystem } from './names.js';
import type { OsvRecord } from './osv.js';
import { canonicalTime } from './time.js';

export type PutOutcome = 'inserted' | 'updated' | 'unchanged';

/**
 * One all-or-nothing write to the database: everything between the constructor and `commit`
 * is a single SQLite transaction, so an import that throws, is killed or runs out of disk
 * leaves the previous database exactly as it was (SQLite rolls the journal back).
 */
export class StoreWriter {
  private active = true;
  /** Ecosystem → the origins that brought advisories for it in this write. */
  private readonly touched = new Map<string, Set<string>>();
  private readonly stmts;

  constructor(private readonly db: Database.Database) {
    this.stmts = {
      modified: db.prepare<[string], { modified: string }>('SELECT modified FROM advisories WHERE id = ?'),
      oldEcosystems: db.prepare<[string], { ecosystem: string }>(
        'SELECT DISTINCT ecosystem FROM affected WHERE advisory_id = ?',
      ),
      dropAffected: db.prepare('DELETE FROM affected WHERE advisory_id = ?'),
      dropAliases: db.prepare('DELETE FROM aliases WHERE advisory_id = ?'),
      upsert: db.prepare(
        `INSERT OR REPLACE INTO advisories (id, modified, published, withdrawn, summary, aliases, severity, record)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      affected: db.prepare(
        'INSERT INTO affected (advisory_id, ecosystem, ecosystem_release, normalized_name) VALUES (?, ?, ?, ?)',
      ),
      alias: db.prepare('INSERT OR IGNORE INTO aliases (alias, advisory_id) VALUES (?, ?)'),
      summary: db.prepare<[string], { count: number; newest: string | null }>(
        `SELECT COUNT(DISTINCT f.advisory_id) AS count, MAX(a.modified) AS newest
         FROM affected f JOIN advisories a ON a.id = f.advisory_id WHERE f.ecosystem = ?`,
      ),
      source: db.prepare(
        `INSERT OR REPLACE INTO sources (name, imported_at, count, newest_modified, origin) VALUES (?, ?, ?, ?, ?)`,
      ),
    };
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
      throw new UserError(
        'the vulnerability database is busy: another import or update is writing to it',
        'wait for it to finish, then run this again',
      );
    }
  }

  /**
   * Stores a validated record unless the database already has this id with the same or a
   * newer `modified`: re-importing old data never overwrites newer data. `origin` (a path or
   * URL) is what `db status` shows as the source of the record's ecosystems.
   */
  put(record: OsvRecord, origin: string): PutOutcome {
    this.assertActive();
    const modified = canonicalTime(record.modified);
    if (!modified) throw new Error(`${record.id}: 'modified' is not an RFC 3339 time`);
    // Even an unchanged record proves its ecosystem's data current as of this import.
    for (const a of record.affected ?? []) {
      if (a.package) this.touch(splitEcosystem(a.package.ecosystem).base, origin);
    }
    const existing = this.stmts.modified.get(record.id);
    if (existing && existing.modified >= modified) return 'unchanged';
    if (existing) this.forget(record.id, origin);
    this.insert(record, modified);
    return existing ? 'updated' : 'inserted';
  }

  /** Refreshes the per-ecosystem summary of everything this write touched, then commits. */
  commit(now: Date = new Date()): void {
    this.assertActive();
    try {
      for (const [ecosystem, origins] of this.touched) {
        const s = this.stmts.summary.get(ecosystem) ?? { count: 0, newest: null };
        this.stmts.source.run(ecosystem, now.toISOString(), s.count, s.newest, [...origins].join(', '));
      }
      this.db.exec('COMMIT');
      this.active = false;
    } catch (e) {
      this.rollback();
      throw e;
    }
  }

  /** Undoes everything since the constructor; harmless after a commit or a rollback. */
  rollback(): void {
    if (!this.active) return;
    this.active = false;
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  /** The ecosystems this write has brought advisories for so far. */
  ecosystems(): string[] {
    return [...this.touched.keys()].sort();
  }

  private forget(id: string, origin: string): void {
    // The replaced version's ecosystems need their counts refreshed too.
    for (const { ecosystem } of this.stmts.oldEcosystems.all(id)) this.touch(ecosystem, origin);
    this.stmts.dropAffected.run(id);
    this.stmts.dropAliases.run(id);
  }

  private touch(ecosystem: string, origin: string): void {
    const origins = this.touched.get(ecosystem) ?? new Set();
    origins.add(origin);
    this.touched.set(ecosystem, origins);
  }

  private insert(record: OsvRecord, modified: string): void {
    const aliases = [...new Set(record.aliases ?? [])];
    this.stmts.upsert.run(
      record.id,
      modified,
      canonicalTime(record.published) ?? null,
      canonicalTime(record.withdrawn) ?? null,
      record.summary ?? null,
      JSON.stringify(aliases),
      record.severity ? JSON.stringify(record.severity) : null,
      encodeRecord(record),
    );
    const seen = new Set<string>();
    for (const a of record.affected ?? []) {
      if (!a.package) continue;
      const { base, release } = splitEcosystem(a.package.ecosystem);
      const name = normalizeName(base, a.package.name);
      const key = `${base}\0${release}\0${name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.stmts.affected.run(record.id, base, release, name);
    }
    for (const alias of aliases) this.stmts.alias.run(alias, record.id);
  }

  private assertActive(): void {
    if (!this.active) throw new Error('this database write has already been committed or rolled back');
  }
}
