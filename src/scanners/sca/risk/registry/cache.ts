import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A cache entry is a few hundred bytes; anything much larger is not ours. */
const MAX_ENTRY_BYTES = 64 * 1024;

interface Entry {
  key: string;
  storedAt: number;
  value: unknown;
}

/**
 * Registry answers kept on disk for a while, one small JSON file per look-up, so a second scan
 * (or the next CI job on the same runner) does not ask again. A damaged or foreign file is a
 * miss, never an error.
 */
export class DiskCache {
  constructor(
    private readonly dir: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): unknown {
    const file = this.file(key);
    try {
      if (statSync(file).size > MAX_ENTRY_BYTES) return undefined;
      const entry = JSON.parse(readFileSync(file, 'utf8')) as Partial<Entry>;
      if (entry.key !== key || typeof entry.storedAt !== 'number') return undefined;
      const age = this.now() - entry.storedAt;
      return age >= 0 && age < this.ttlMs ? entry.value : undefined;
    } catch {
      return undefined;
    }
  }

  /** Throws when the directory cannot be written: the caller says so once and carries on uncached. */
  set(key: string, value: unknown): void {
    mkdirSync(this.dir, { recursive: true });
    const file = this.file(key);
    const entry: Entry = { key, storedAt: this.now(), value };
    // Write then rename: a concurrent reader sees the old entry or the new one, never half of one.
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, file);
  }

  private file(key: string): string {
    return join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
  }
}
