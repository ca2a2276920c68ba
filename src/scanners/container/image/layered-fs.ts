import { type DeletedFile, DeletedFiles } from './deleted-files.js';
import { ABSENT, DIR, EntryTable, NO_SLOT, typeCode, typeName } from './entry-table.js';
import type { EntryType } from './layer-entry.js';
import { type Resolved, resolveIn } from './resolve.js';
import { normaliseEntryPath, parentOf } from './tar-path.js';

export interface EntryMeta {
  type: EntryType;
  /** Permission bits with setuid, setgid and sticky. */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Symlink target as written; hard link target as a root-relative path. */
  linkTarget?: string;
}

export interface FsEntry extends EntryMeta {
  /** Root-relative, no leading slash: `etc/passwd`. */
  path: string;
  /** The layer that last wrote this path. */
  layer: number;
}

export type { DeletedFile };

const ROOT = 0;

/**
 * The image's filesystem as a container would see it once every layer is applied, with OCI
 * whiteouts honoured. Only metadata is kept; contents are collected on the way by the reader.
 * A whiteout hides what lower layers put there, never what its own layer adds (OCI image spec,
 * "Whiteouts").
 */
export class LayeredFs {
  private readonly t = new EntryTable();
  private readonly removed = new DeletedFiles();
  private present = 0;
  /** Told of each file a layer removes or hides, so collected contents can follow. */
  onDelete?: (file: DeletedFile) => void;

  constructor() {
    this.t.add('', NO_SLOT);
    this.t.type[ROOT] = DIR;
    this.t.mode[ROOT] = 0o755;
  }

  /** Number of paths present (the root not counted). */
  get size(): number {
    return this.present;
  }

  get(path: string): FsEntry | undefined {
    const slot = this.slot(path);
    return slot === undefined || slot === ROOT ? undefined : this.entry(slot);
  }

  /** The type at `path` (a normalised path), without building an entry. */
  typeOf(path: string): EntryType | undefined {
    const slot = this.t.slotOf.get(path);
    const code = slot === undefined ? ABSENT : this.t.type[slot]!;
    return code === ABSENT ? undefined : typeName(code);
  }

  *entries(): Generator<FsEntry> {
    for (let s = ROOT + 1; s < this.t.count; s++) if (this.t.type[s] !== ABSENT) yield this.entry(s);
  }

  children(dir: string): FsEntry[] {
    const slot = this.slot(dir);
    if (slot === undefined || this.t.type[slot] !== DIR) return [];
    return [...this.t.children(slot)].filter((c) => this.t.type[c] !== ABSENT).map((c) => this.entry(c));
  }

  deletedFiles(): Iterable<DeletedFile> {
    return this.removed;
  }

  /** The path `path` leads to once symlinks are followed inside the image (see resolveIn). */
  resolve(path: string, followFinal = true): Resolved {
    return resolveIn((p) => this.get(p), path, followFinal);
  }

  /** Writes one entry as layer `layer` does; missing parent directories are made. */
  put(layer: number, path: string, meta: EntryMeta): void {
    const parent = this.ensureDir(layer, parentOf(path));
    let slot = this.t.slotOf.get(path);
    if (slot === undefined) slot = this.t.add(path, parent);
    else this.clearForWrite(slot, layer, meta.type === 'dir');
    this.write(slot, layer, meta);
  }

  /** `.wh.<name>`: removes what lower layers put at `path`. */
  whiteout(layer: number, path: string): void {
    const slot = this.t.slotOf.get(path);
    if (slot !== undefined) this.removeLower(slot, layer, true);
  }

  /** `.wh..wh..opq`: hides everything lower layers put under `dir`. */
  opaque(layer: number, dir: string): void {
    const slot = this.t.slotOf.get(dir);
    if (slot !== undefined && this.t.type[slot] === DIR) this.removeLower(slot, layer, false);
  }

  /** The slot of a path present now: a deleted path keeps its slot (for its children) but is absent. */
  private slot(path: string): number | undefined {
    const key = normaliseEntryPath(path);
    const slot = key === undefined ? undefined : this.t.slotOf.get(key);
    return slot === undefined || this.t.type[slot] === ABSENT ? undefined : slot;
  }

  private entry(slot: number): FsEntry {
    const t = this.t;
    const link = t.links.get(slot);
    return {
      path: t.paths[slot]!,
      type: typeName(t.type[slot]!),
      mode: t.mode[slot]!,
      uid: t.uid[slot]!,
      gid: t.gid[slot]!,
      size: t.size[slot]!,
      ...(link === undefined ? {} : { linkTarget: link }),
      layer: t.layer[slot]!,
    };
  }

  private write(slot: number, layer: number, meta: EntryMeta) {
    const t = this.t;
    if (t.type[slot] === ABSENT) this.present++;
    t.type[slot] = typeCode(meta.type);
    t.mode[slot] = meta.mode & 0o7777;
    t.uid[slot] = clampId(meta.uid);
    t.gid[slot] = clampId(meta.gid);
    t.size[slot] = meta.size;
    t.layer[slot] = layer;
    if (meta.linkTarget === undefined) t.links.delete(slot);
    else t.links.set(slot, meta.linkTarget);
  }

  /**
   * Before a path is written again: a directory replaced by a non-directory takes its subtree
   * with it, and a non-directory replaced by a directory is hidden content, so recorded.
   */
  private clearForWrite(slot: number, layer: number, becomesDir: boolean) {
    const type = this.t.type[slot];
    if (type === ABSENT) return;
    if (type === DIR && !becomesDir) {
      for (const s of this.t.subtree(slot).reverse()) if (s !== slot) this.remove(s, layer);
    } else if (type !== DIR && becomesDir) {
      this.remove(slot, layer);
    }
  }

  /** The slot of directory `dir`, making it and its missing ancestors as implicit directories. */
  private ensureDir(layer: number, dir: string): number {
    const missing: string[] = [];
    let path = dir;
    let slot = this.t.slotOf.get(path);
    while (slot === undefined || this.t.type[slot] !== DIR) {
      missing.push(path);
      path = parentOf(path);
      slot = this.t.slotOf.get(path);
    }
    let dirSlot: number = slot;
    for (const p of missing.reverse()) {
      const existing = this.t.slotOf.get(p);
      if (existing !== undefined) this.remove(existing, layer);
      dirSlot = existing ?? this.t.add(p, dirSlot);
      this.write(dirSlot, layer, { type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0 });
    }
    return dirSlot;
  }

  /** Removes the parts of the subtree at `slot` that layers below `layer` wrote. */
  private removeLower(slot: number, layer: number, includeSelf: boolean) {
    const t = this.t;
    const keep = new Set<number>();
    for (const s of t.subtree(slot).reverse()) {
      if (t.layer[s] === layer || keep.has(s) || (s === slot && !includeSelf)) keep.add(t.parent[s]!);
      else this.remove(s, layer);
    }
  }

  private remove(slot: number, layer: number) {
    const t = this.t;
    // The root stays whatever a layer says (a bare `.wh.` would whiteout ''): parents rely on it.
    if (t.type[slot] === ABSENT || slot === ROOT) return;
    if (t.type[slot] !== DIR) {
      const file: DeletedFile = {
        path: t.paths[slot]!,
        type: typeName(t.type[slot]!),
        size: t.size[slot]!,
        addedBy: t.layer[slot]!,
        deletedBy: layer,
      };
      this.removed.add(file);
      this.onDelete?.(file);
    }
    t.type[slot] = ABSENT;
    t.links.delete(slot);
    this.present--;
  }
}

function clampId(id: number): number {
  return Number.isInteger(id) && id >= 0 && id <= 0xffffffff ? id : 0xffffffff;
}
