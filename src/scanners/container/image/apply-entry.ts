import type { Diagnostic } from '../../../core/diagnostic.js';
import type { ContentCollector } from './contents.js';
import { diag } from './diagnostics.js';
import type { LayerEntry } from './layer-entry.js';
import type { EntryMeta, FsEntry, LayeredFs } from './layered-fs.js';
import { baseName, joinPath, normaliseEntryPath, parentOf, symlinkEscapes } from './tar-path.js';

/** One regular file of one layer, as the secrets scanner sees it: every version, deleted or not. */
export interface LayerFile {
  layer: number;
  path: string;
  entry: FsEntry;
  content: Buffer;
  truncated: boolean;
}

export interface VisitOptions {
  /** Which files to hand over; default all regular files. */
  match?(path: string, entry: FsEntry): boolean;
  /** Bytes of each file handed over; the rest is cut (`truncated`). Default 1 MiB. */
  maxFileBytes?: number;
  /** Called once per file, in layer order; the next file is not read until it settles. */
  onFile(file: LayerFile): void | Promise<void>;
}

export interface ApplyContext {
  fs: LayeredFs;
  layer: number;
  /** How messages name the layer. */
  label: string;
  /** Root filesystem folders are not layers: a `.wh.` file there is just a file. */
  whiteouts: boolean;
  contents?: ContentCollector;
  visit?: VisitOptions;
  diagnostics: Diagnostic[];
}

/** Linux's PATH_MAX: a longer name could not be extracted, so it is not part of the image. */
const MAX_PATH = 4096;
const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
/** AUFS bookkeeping (`.wh..wh.plnk/...`, `.wh..wh.aufs`): not part of the image's files. */
const AUFS_META = '.wh..wh.';

/** Applies one tar entry to the filesystem, then hands its bytes to whoever asked for them. */
export async function applyEntry(ctx: ApplyContext, entry: LayerEntry): Promise<void> {
  const path = checkedPath(ctx, entry.name);
  if (path === undefined) return;
  if (ctx.whiteouts && isWhiteout(path)) {
    applyWhiteout(ctx, path);
    return;
  }
  const real = throughSymlinks(ctx, path);
  const meta = metaOf(ctx, real, entry);
  if (!meta) return;
  ctx.contents?.forget(real);
  ctx.fs.put(ctx.layer, real, meta);
  if (ctx.contents || ctx.visit) await handOver(ctx, { ...meta, path: real, layer: ctx.layer }, entry);
}

function checkedPath(ctx: ApplyContext, name: string): string | undefined {
  const path = normaliseEntryPath(name);
  if (path === undefined) {
    report(ctx, 'error', 'path-escape', `entry ${name} climbs out of the image root; skipped`, name);
  } else if (path.length > MAX_PATH) {
    report(
      ctx,
      'error',
      'path-too-long',
      `an entry name of ${path.length} bytes; skipped`,
      path.slice(0, 200),
    );
    return undefined;
  }
  return path || undefined;
}

function isWhiteout(path: string): boolean {
  return baseName(path).startsWith(WHITEOUT) || isAufsMeta(path);
}

function isAufsMeta(path: string): boolean {
  return path.startsWith(AUFS_META) || path.includes(`/${AUFS_META}`);
}

function applyWhiteout(ctx: ApplyContext, path: string) {
  const base = baseName(path);
  const dir = parentOf(path);
  if (base === OPAQUE) ctx.fs.opaque(ctx.layer, dir);
  else if (!isAufsMeta(path)) ctx.fs.whiteout(ctx.layer, joinPath(dir, base.slice(WHITEOUT.length)));
}

/**
 * Extracting `a/b` when a lower layer made `a` a symlink writes through the link, as docker
 * and containerd do; legitimate layers never rely on it, so it is reported.
 */
function throughSymlinks(ctx: ApplyContext, path: string): string {
  let ancestor = parentOf(path);
  while (ancestor !== '' && ctx.fs.typeOf(ancestor) === undefined) ancestor = parentOf(ancestor);
  if (ctx.fs.typeOf(ancestor) !== 'symlink') return path;
  const resolved = ctx.fs.resolve(ancestor);
  const rest = path.slice(ancestor.length + 1);
  if (!resolved.ok || ctx.fs.typeOf(resolved.path) !== 'dir') {
    report(
      ctx,
      'warning',
      'path-through-symlink',
      `${path} is under symlink ${ancestor}, which leads nowhere`,
      path,
    );
    return path;
  }
  const real = joinPath(resolved.path, rest);
  report(
    ctx,
    'warning',
    'path-through-symlink',
    `${path} is written through symlink ${ancestor}, to ${real}`,
    path,
  );
  return real;
}

function metaOf(ctx: ApplyContext, path: string, entry: LayerEntry): EntryMeta | undefined {
  const base = { type: entry.type, mode: entry.mode, uid: entry.uid, gid: entry.gid };
  if (entry.type === 'symlink') {
    const target = entry.linkname ?? '';
    if (symlinkEscapes(path, target)) {
      report(
        ctx,
        'warning',
        'symlink-escape',
        `symlink ${path} -> ${target} points above the image root`,
        path,
      );
    }
    return { ...base, size: 0, linkTarget: target };
  }
  if (entry.type === 'hardlink') {
    const target = normaliseEntryPath(entry.linkname ?? '');
    const found = target ? ctx.fs.get(target) : undefined;
    if (!found || found.type === 'dir' || found.type === 'symlink') {
      report(
        ctx,
        'error',
        'hardlink-missing-target',
        `hard link ${path} -> ${entry.linkname} has no file to link to; skipped`,
        path,
      );
      return undefined;
    }
    return { ...base, size: found.size, linkTarget: found.path };
  }
  return { ...base, size: entry.type === 'file' ? entry.size : 0 };
}

async function handOver(ctx: ApplyContext, fsEntry: FsEntry, entry: LayerEntry) {
  if (fsEntry.type === 'hardlink') {
    ctx.contents?.keepLink(fsEntry, fsEntry.linkTarget!);
    return;
  }
  if (fsEntry.type !== 'file') return;
  const keep = ctx.contents?.wants(fsEntry, ctx.label) ?? false;
  const visit = ctx.visit && (ctx.visit.match?.(fsEntry.path, fsEntry) ?? true);
  if (!keep && !visit) return;
  const visitMax = ctx.visit?.maxFileBytes ?? 1 << 20;
  const { content, truncated } = await entry.read(
    Math.max(keep ? ctx.contents!.maxFileBytes : 0, visit ? visitMax : 0),
  );
  if (keep) ctx.contents!.keep(fsEntry.path, ctx.layer, content);
  if (visit) {
    const cut = content.length > visitMax;
    const file = {
      layer: ctx.layer,
      path: fsEntry.path,
      entry: fsEntry,
      content: cut ? content.subarray(0, visitMax) : content,
    };
    await ctx.visit!.onFile({ ...file, truncated: truncated || cut });
  }
}

function report(ctx: ApplyContext, level: Diagnostic['level'], code: string, what: string, path: string) {
  ctx.diagnostics.push(diag(level, code, `${ctx.label}: ${what}`, path));
}
