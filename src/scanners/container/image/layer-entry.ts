import type { Extract, Header } from 'tar-stream';

type TarSource = Extract extends AsyncIterable<infer S> ? S : never;

export type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

export interface EntryContent {
  content: Buffer;
  /** True when the file was longer than the bytes kept. */
  truncated: boolean;
}

/** One member of a layer, from a tar or from a root filesystem folder, before normalisation. */
export interface LayerEntry {
  name: string;
  type: EntryType;
  /** Permission bits with setuid, setgid and sticky (`& 0o7777`). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkname?: string;
  /** Reads the content once, keeping at most `max` bytes. */
  read(max: number): Promise<EntryContent>;
}

function entryType(header: Header): EntryType {
  switch (header.type) {
    case 'file':
    case 'contiguous-file':
      // V7 tars have no directory type: a directory is a file whose name ends in '/'.
      return header.name.endsWith('/') && !header.size ? 'dir' : 'file';
    case 'directory':
      return 'dir';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'hardlink';
    default:
      return 'other';
  }
}

/** Keeps the first `max` bytes of a stream and drains the rest, so the stream always ends. */
async function readCapped(stream: AsyncIterable<Buffer>, max: number): Promise<EntryContent> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let truncated = false;
  for await (const chunk of stream) {
    const part = kept < max ? chunk.subarray(0, max - kept) : chunk.subarray(0, 0);
    if (part.length > 0) chunks.push(part);
    kept += part.length;
    truncated ||= part.length < chunk.length;
  }
  return { content: Buffer.concat(chunks, kept), truncated };
}

/** A tar-stream entry as a LayerEntry; `drain` lets the parser skip it when nobody read it. */
export function tarLayerEntry(stream: TarSource): { entry: LayerEntry; drain(): void } {
  const h = stream.header;
  let consumed = false;
  const entry: LayerEntry = {
    name: h.name,
    type: entryType(h),
    mode: (h.mode ?? 0) & 0o7777,
    uid: h.uid ?? 0,
    gid: h.gid ?? 0,
    size: h.size ?? 0,
    ...(h.linkname ? { linkname: h.linkname } : {}),
    read: (max) => {
      consumed = true;
      // tar-stream types its chunks as unknown; they are Buffers.
      return readCapped(stream as AsyncIterable<Buffer>, max);
    },
  };
  // Flowing mode discards the bytes as the parser pushes them: cheaper than iterating them.
  const drain = () => {
    if (!consumed) stream.resume();
  };
  return { entry, drain };
}
