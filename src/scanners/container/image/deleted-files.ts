import { typeCode, typeName } from './entry-table.js';
import type { EntryType } from './layer-entry.js';

/** A file a later layer removed: hidden in the running container, still in the image's bytes. */
export interface DeletedFile {
  path: string;
  type: EntryType;
  size: number;
  /** The layer that last wrote it. */
  addedBy: number;
  deletedBy: number;
}

/** Deletions in columns, like the entry table: an `rm -rf` of a big tree records many. */
export class DeletedFiles {
  private readonly paths: string[] = [];
  private type = new Uint8Array(64);
  private size = new Float64Array(64);
  private addedBy = new Uint16Array(64);
  private deletedBy = new Uint16Array(64);

  get count(): number {
    return this.paths.length;
  }

  add(file: DeletedFile): void {
    const i = this.paths.length;
    if (i === this.type.length) this.grow();
    this.paths.push(file.path);
    this.type[i] = typeCode(file.type);
    this.size[i] = file.size;
    this.addedBy[i] = file.addedBy;
    this.deletedBy[i] = file.deletedBy;
  }

  *[Symbol.iterator](): Generator<DeletedFile> {
    for (let i = 0; i < this.paths.length; i++) {
      yield {
        path: this.paths[i]!,
        type: typeName(this.type[i]!),
        size: this.size[i]!,
        addedBy: this.addedBy[i]!,
        deletedBy: this.deletedBy[i]!,
      };
    }
  }

  private grow() {
    const n = this.type.length * 2;
    const grown = <T extends Uint8Array | Uint16Array | Float64Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.type = grown(this.type, new Uint8Array(n));
    this.size = grown(this.size, new Float64Array(n));
    this.addedBy = grown(this.addedBy, new Uint16Array(n));
    this.deletedBy = grown(this.deletedBy, new Uint16Array(n));
  }
}
