import { type FileHandle, open } from 'node:fs/promises';
import type { Diagnostic } from '../../../core/diagnostic.js';
import { diag } from './diagnostics.js';
import type { BlobRef } from './model.js';
import { BLOCK, cString, decodeHeader, isZeroBlock, parsePax, type TarHeader } from './tar-header.js';
import { normaliseEntryPath, parentOf } from './tar-path.js';

/**
 * An image archive can be gigabytes, so it is never read whole: one pass over its headers
 * (seeking past every member's data) maps each member name to its byte range, and blobs are
 * then read from those ranges.
 */
export interface TarIndex {
  file: string;
  /** False when the first block is not a tar header at all. */
  isTar: boolean;
  members: Map<string, BlobRef>;
  diagnostics: Diagnostic[];
}

/** Long names and pax bodies bigger than this are not metadata but an attack. */
const MAX_META_BYTES = 1 << 20;
const MAX_LINK_HOPS = 8;

/** A link member: the target as written, and as a path from the archive root. */
interface Link {
  written: string;
  target: string;
}

interface Pending {
  name?: string;
  linkname?: string;
  size?: number;
}

export async function indexTar(file: string): Promise<TarIndex> {
  const fh = await open(file, 'r');
  try {
    return await walkHeaders(fh, file, (await fh.stat()).size);
  } finally {
    await fh.close();
  }
}

async function walkHeaders(fh: FileHandle, file: string, fileSize: number): Promise<TarIndex> {
  const index: TarIndex = { file, isTar: true, members: new Map(), diagnostics: [] };
  const links = new Map<string, Link>();
  let pending: Pending = {};
  let pos = 0;
  while (pos + BLOCK <= fileSize) {
    const block = await readAt(fh, pos, BLOCK);
    if (isZeroBlock(block)) break;
    const header = decodeHeader(block);
    if (!header) {
      if (pos === 0) index.isTar = false;
      else index.diagnostics.push(corrupt(file, `a corrupt tar header at byte ${pos}`));
      break;
    }
    const dataStart = pos + BLOCK;
    const size =
      header.type === 'x' || header.type === 'L' || header.type === 'K'
        ? header.size
        : (pending.size ?? header.size);
    if (dataStart + size > fileSize) {
      index.diagnostics.push(
        corrupt(file, `member ${header.name} runs past the end of the file (truncated archive)`),
      );
      break;
    }
    const meta = await readMeta(fh, header, dataStart, index, file);
    if (meta === false) break;
    if (meta) pending = { ...pending, ...meta };
    else {
      record(index, links, header, { ...pending, size }, dataStart);
      pending = {};
    }
    pos = dataStart + Math.ceil(size / BLOCK) * BLOCK;
  }
  resolveLinks(index, links);
  return index;
}

/** For pax and GNU long-name headers, what they say about the next member; false when unreadable. */
async function readMeta(
  fh: FileHandle,
  header: TarHeader,
  start: number,
  index: TarIndex,
  file: string,
): Promise<Pending | false | undefined> {
  if (!['x', 'g', 'L', 'K'].includes(header.type)) return undefined;
  if (header.size > MAX_META_BYTES) {
    index.diagnostics.push(
      corrupt(file, `an extended header of ${header.size} bytes at byte ${start - BLOCK}`),
    );
    return false;
  }
  if (header.type === 'g') return {};
  const body = await readAt(fh, start, header.size);
  if (header.type === 'L') return { name: cString(body, 0, body.length) };
  if (header.type === 'K') return { linkname: cString(body, 0, body.length) };
  const pax = parsePax(body);
  const size = pax.get('size');
  return {
    ...(pax.has('path') ? { name: pax.get('path') } : {}),
    ...(pax.has('linkpath') ? { linkname: pax.get('linkpath') } : {}),
    ...(size !== undefined && /^\d+$/.test(size) ? { size: Number(size) } : {}),
  };
}

function record(index: TarIndex, links: Map<string, Link>, header: TarHeader, meta: Pending, offset: number) {
  const rawName = meta.name ?? header.name;
  const name = normaliseEntryPath(rawName);
  if (name === undefined || name === '') {
    if (name === undefined)
      index.diagnostics.push(corrupt(index.file, `member ${rawName} escapes the archive root`));
    return;
  }
  const linkname = meta.linkname ?? header.linkname;
  if (header.type === '0' || header.type === '7') {
    index.members.set(name, { file: index.file, offset, size: meta.size ?? header.size });
  } else if (header.type === '1') {
    links.set(name, { written: linkname, target: linkname });
  } else if (header.type === '2') {
    links.set(name, {
      written: linkname,
      target: linkname.startsWith('/') ? linkname : `${parentOf(name)}/${linkname}`,
    });
  }
}

/** Older `docker save` stores a layer shared by two images once and links the second name to it. */
function resolveLinks(index: TarIndex, links: Map<string, Link>) {
  for (const [name, link] of links) {
    let target = normaliseEntryPath(link.target);
    for (let hop = 0; target !== undefined && links.has(target) && hop < MAX_LINK_HOPS; hop++) {
      target = normaliseEntryPath(links.get(target)!.target);
    }
    const ref = target === undefined ? undefined : index.members.get(target);
    if (ref) index.members.set(name, ref);
    else
      index.diagnostics.push(
        corrupt(index.file, `member ${name} links to ${link.written}, which the archive lacks`),
      );
  }
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return bytesRead === length ? buf : buf.subarray(0, bytesRead);
}

function corrupt(file: string, what: string): Diagnostic {
  return diag('error', 'corrupt-archive', `${file}: ${what}`, file);
}
