import type { EntryType } from './layer-entry.js';

/** Type codes in the table; 0 marks a slot whose path is not (or no longer) present. */
export const ABSENT = 0;
const TYPES: readonly EntryType[] = ['file', 'dir', 'symlink', 'hardlink', 'other'];
export const DIR = 2;

export function typeCode(type: EntryType): number {
  return TYPES.indexOf(type) + 1;
}

export function typeName(code: number): EntryType {
  return TYPES[code - 1]!;
}

const NONE = -1;

/**
 * Metadata for every path an image ever had, one slot per path, in typed columns: an image can
 * hold a million files, and an object per file would cost several times the bytes. Slots are
 * never freed (a deleted path keeps its slot, marked ABSENT), so a directory's children are a
 * singly linked list that only grows.
 */
export class EntryTable {
  count = 0;
  private capacity = 1024;
  type = new Uint8Array(this.capacity);
  mode = new Uint16Array(this.capacity);
  uid = new Uint32Array(this.capacity);
  gid = new Uint32Array(this.capacity);
  size = new Float64Array(this.capacity);
  layer = new Uint16Array(this.capacity);
  parent = new Int32Array(this.capacity);
  firstChild = new Int32Array(this.capacity);
  nextSibling = new Int32Array(this.capacity);
  readonly paths: string[] = [];
  readonly links = new Map<number, string>();
  readonly slotOf = new Map<string, number>();

  add(path: string, parent: number): number {
    if (this.count === this.capacity) this.grow();
    const slot = this.count++;
    this.paths.push(path);
    this.slotOf.set(path, slot);
    this.parent[slot] = parent;
    this.firstChild[slot] = NONE;
    this.nextSibling[slot] = NONE;
    if (parent !== NONE) {
      this.nextSibling[slot] = this.firstChild[parent]!;
      this.firstChild[parent] = slot;
    }
    return slot;
  }

  *children(slot: number): Generator<number> {
    for (let c = this.firstChild[slot]!; c !== NONE; c = this.nextSibling[c]!) yield c;
  }

  /** The present slots under `slot` (itself first), parents before their children. */
  subtree(slot: number): number[] {
    const out: number[] = [];
    const stack = [slot];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (this.type[s] === ABSENT) continue;
      out.push(s);
      for (const c of this.children(s)) stack.push(c);
    }
    return out;
  }

  private grow() {
    this.capacity *= 2;
    this.type = copy(this.type, new Uint8Array(this.capacity));
    this.mode = copy(this.mode, new Uint16Array(this.capacity));
    this.uid = copy(this.uid, new Uint32Array(this.capacity));
    this.gid = copy(this.gid, new Uint32Array(this.capacity));
    this.size = copy(this.size, new Float64Array(this.capacity));
    this.layer = copy(this.layer, new Uint16Array(this.capacity));
    this.parent = copy(this.parent, new Int32Array(this.capacity));
    this.firstChild = copy(this.firstChild, new Int32Array(this.capacity));
    this.nextSibling = copy(this.nextSibling, new Int32Array(this.capacity));
  }
}

function copy<T extends { set(a: ArrayLike<number>): void }>(from: ArrayLike<number>, to: T): T {
  to.set(from);
  return to;
}

export const NO_SLOT = NONE;
