/**
 * The RPM header structure (rpm's "Package file format" documentation, the header section):
 * a big-endian count of index entries and a data length, the entries
 * `{ tag, type, offset, count }` (16 bytes each), then the data store they point into. A
 * package file puts the magic `8e ad e8 01` and four reserved bytes first; the blobs in rpmdb
 * do not. Every offset and count is checked: a hostile blob gives `RpmHeaderError`.
 */

export class RpmHeaderError extends Error {
  override name = 'RpmHeaderError';
}

export interface RpmHeaderFields {
  name: string;
  version: string;
  release: string;
  epoch?: number;
  arch?: string;
  license?: string;
  /** `openssl-3.0.7-27.el9.src.rpm`: the source package this one was built from. */
  sourceRpm?: string;
  vendor?: string;
  /** Installed paths, absolute as rpm writes them. */
  files: string[];
}

const TAG = {
  name: 1000,
  version: 1001,
  release: 1002,
  epoch: 1003,
  vendor: 1011,
  license: 1014,
  arch: 1022,
  sourceRpm: 1044,
  dirIndexes: 1116,
  baseNames: 1117,
  dirNames: 1118,
} as const;
const WANTED = new Set<number>(Object.values(TAG));

const TYPE = { int32: 4, string: 6, stringArray: 8, i18nString: 9 } as const;

/** rpm's own limits (HEADER_TAGS_MAX, HEADER_DATA_MAX): past them rpm refuses the header too. */
const MAX_ENTRIES = 0xffff;
const MAX_DATA = 0x0fffffff;
const MAGIC = 0x8eade801;
const ENTRY_SIZE = 16;

interface Entry {
  tag: number;
  type: number;
  offset: number;
  count: number;
}

interface Header {
  entries: Map<number, Entry>;
  data: Buffer;
}

function layout(blob: Buffer): { start: number; il: number; dl: number } {
  const start = blob.length >= 8 && blob.readUInt32BE(0) === MAGIC ? 8 : 0;
  if (blob.length < start + 8) throw new RpmHeaderError(`header of ${blob.length} bytes is too short`);
  const il = blob.readUInt32BE(start);
  const dl = blob.readUInt32BE(start + 4);
  if (il < 1 || il > MAX_ENTRIES) throw new RpmHeaderError(`index count ${il} out of range`);
  if (dl > MAX_DATA) throw new RpmHeaderError(`data length ${dl} out of range`);
  if (start + 8 + il * ENTRY_SIZE + dl > blob.length) {
    throw new RpmHeaderError(
      `index of ${il} entries and ${dl} data bytes overrun the ${blob.length}-byte blob`,
    );
  }
  return { start, il, dl };
}

function readHeader(blob: Buffer): Header {
  const { start, il, dl } = layout(blob);
  const index = start + 8;
  const data = blob.subarray(index + il * ENTRY_SIZE, index + il * ENTRY_SIZE + dl);
  const entries = new Map<number, Entry>();
  for (let i = 0; i < il; i++) {
    const at = index + i * ENTRY_SIZE;
    const tag = blob.readInt32BE(at);
    if (!WANTED.has(tag) || entries.has(tag)) continue;
    const entry = {
      tag,
      type: blob.readUInt32BE(at + 4),
      offset: blob.readInt32BE(at + 8),
      count: blob.readUInt32BE(at + 12),
    };
    if (entry.offset < 0 || entry.offset >= dl || entry.count < 1 || entry.count > dl - entry.offset) {
      throw new RpmHeaderError(
        `tag ${tag}: offset ${entry.offset} and count ${entry.count} outside the data`,
      );
    }
    entries.set(tag, entry);
  }
  return { entries, data };
}

/** The strings of an entry; each ends with a NUL inside the data, and count ≤ bytes left (checked above). */
function strings(header: Header, tag: number): string[] | undefined {
  const entry = header.entries.get(tag);
  if (!entry) return undefined;
  if (entry.type !== TYPE.string && entry.type !== TYPE.stringArray && entry.type !== TYPE.i18nString) {
    throw new RpmHeaderError(`tag ${tag}: type ${entry.type} is not a string`);
  }
  const count = entry.type === TYPE.string ? 1 : entry.count;
  const out: string[] = [];
  let pos = entry.offset;
  for (let i = 0; i < count; i++) {
    const nul = header.data.indexOf(0, pos);
    if (nul < 0) throw new RpmHeaderError(`tag ${tag}: string ${i} runs past the data`);
    out.push(header.data.toString('utf8', pos, nul));
    pos = nul + 1;
  }
  return out;
}

function int32s(header: Header, tag: number): number[] | undefined {
  const entry = header.entries.get(tag);
  if (!entry) return undefined;
  if (entry.type !== TYPE.int32) throw new RpmHeaderError(`tag ${tag}: type ${entry.type} is not INT32`);
  if (entry.count > (header.data.length - entry.offset) / 4) {
    throw new RpmHeaderError(`tag ${tag}: ${entry.count} integers run past the data`);
  }
  return Array.from({ length: entry.count }, (_, i) => header.data.readInt32BE(entry.offset + i * 4));
}

function text(header: Header, tag: number): string | undefined {
  return strings(header, tag)?.[0];
}

function required(header: Header, tag: number, what: string): string {
  const value = text(header, tag);
  if (!value) throw new RpmHeaderError(`no ${what}`);
  return value;
}

/** Paths from BASENAMES, DIRNAMES and DIRINDEXES (each base name's directory, by index). */
function files(header: Header): string[] {
  const bases = strings(header, TAG.baseNames) ?? [];
  const dirs = strings(header, TAG.dirNames) ?? [];
  const indexes = int32s(header, TAG.dirIndexes) ?? [];
  if (indexes.length !== bases.length) {
    throw new RpmHeaderError(`${bases.length} file names but ${indexes.length} directory indexes`);
  }
  return bases.map((base, i) => {
    const dir = dirs[indexes[i]!];
    if (dir === undefined)
      throw new RpmHeaderError(`file ${base}: directory index ${indexes[i]} out of range`);
    return dir + base;
  });
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The fields Gatehouse reads from one header blob; throws `RpmHeaderError` for a damaged one. */
export function parseRpmHeader(blob: Buffer): RpmHeaderFields {
  const header = readHeader(blob);
  return {
    name: required(header, TAG.name, 'NAME'),
    version: required(header, TAG.version, 'VERSION'),
    release: required(header, TAG.release, 'RELEASE'),
    ...optional('epoch', int32s(header, TAG.epoch)?.[0]),
    ...optional('arch', text(header, TAG.arch)),
    ...optional('license', text(header, TAG.license)),
    ...optional('sourceRpm', text(header, TAG.sourceRpm)),
    ...optional('vendor', text(header, TAG.vendor)),
    files: files(header),
  };
}
