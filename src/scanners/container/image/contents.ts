import type { Diagnostic } from '../../../core/diagnostic.js';
import { diag } from './diagnostics.js';
import type { DeletedFile, FsEntry } from './layered-fs.js';

export interface ContentOptions {
  /** Which files' bytes to keep: package databases, `*.jar`, `os-release`... */
  match(path: string, entry: FsEntry): boolean;
  /** Default 16 MiB; a bigger matching file is reported and skipped. */
  maxFileBytes?: number;
  /** Default 512 MiB across all kept files; past it, matching files are reported and skipped. */
  maxTotalBytes?: number;
  /** Also keep matching files that a later layer deleted (their bytes are still in the image). */
  keepDeleted?: boolean;
}

export interface CollectedFile {
  path: string;
  /** The layer whose version this is. */
  layer: number;
  content: Buffer;
  /** For a deleted file, the layer that deleted it. */
  deletedBy?: number;
}

const MiB = 1 << 20;

/**
 * The matching files' contents, kept in step with the layers: a later version replaces the
 * earlier one, a deletion drops it (or moves it to `deleted`), so what remains is the final
 * filesystem's version of each file.
 */
export class ContentCollector {
  readonly files = new Map<string, CollectedFile>();
  readonly deleted: CollectedFile[] = [];
  readonly maxFileBytes: number;
  private readonly maxTotalBytes: number;
  private total = 0;
  private capReported = false;

  constructor(
    private readonly options: ContentOptions,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.maxFileBytes = options.maxFileBytes ?? 16 * MiB;
    this.maxTotalBytes = options.maxTotalBytes ?? 512 * MiB;
  }

  /** Whether to read this file's bytes; reports the ones that match but are over a cap. */
  wants(entry: FsEntry, where: string): boolean {
    if (!this.options.match(entry.path, entry)) return false;
    if (entry.size > this.maxFileBytes) {
      const msg = `${where}: ${entry.path} is ${entry.size} bytes, over the ${this.maxFileBytes}-byte limit; not read`;
      this.diagnostics.push(diag('warning', 'file-too-large', msg, entry.path));
      return false;
    }
    if (this.total + entry.size > this.maxTotalBytes) {
      if (!this.capReported) {
        const msg = `${where}: the files kept reach the ${this.maxTotalBytes}-byte limit; ${entry.path} and later matches are not read`;
        this.diagnostics.push(diag('warning', 'content-limit', msg, entry.path));
      }
      this.capReported = true;
      return false;
    }
    return true;
  }

  keep(path: string, layer: number, content: Buffer): void {
    this.total += content.length;
    this.files.set(path, { path, layer, content });
  }

  /** A hard link has no bytes of its own in the layer: it shares its target's. */
  keepLink(entry: FsEntry, target: string): void {
    if (!this.options.match(entry.path, entry)) return;
    const source = this.files.get(target);
    if (source) this.keep(entry.path, entry.layer, source.content);
  }

  /** The path is about to be written again: its old version is no longer the final one. */
  forget(path: string): void {
    const old = this.files.get(path);
    if (!old) return;
    this.total -= old.content.length;
    this.files.delete(path);
  }

  onDelete(file: DeletedFile): void {
    const old = this.files.get(file.path);
    if (!old) return;
    this.files.delete(file.path);
    if (this.options.keepDeleted) this.deleted.push({ ...old, deletedBy: file.deletedBy });
    else this.total -= old.content.length;
  }
}
