import type { EntryType } from './layer-entry.js';

export interface LinkInfo {
  type: EntryType;
  linkTarget?: string;
}

export type Resolved =
  | { ok: true; path: string }
  | { ok: false; reason: 'missing' | 'loop' | 'not-a-directory'; path: string };

/** Linux gives up after 40 symlinks in one lookup; so do we. */
export const MAX_SYMLINKS = 40;

/**
 * Follows symlinks inside the image as the image's own processes would see them, chrooted: an
 * absolute target starts again at the image root and `..` stops at the root. Nothing on the
 * host is ever consulted.
 */
export function resolveIn(
  lookup: (path: string) => LinkInfo | undefined,
  path: string,
  followFinal = true,
  maxLinks = MAX_SYMLINKS,
): Resolved {
  const pending = components(path).reverse();
  const done: string[] = [];
  let hops = 0;
  while (pending.length > 0) {
    const part = pending.pop()!;
    if (part === '..') {
      done.pop();
      continue;
    }
    done.push(part);
    const here = done.join('/');
    const entry = lookup(here);
    if (!entry) return { ok: false, reason: 'missing', path: here };
    const last = pending.length === 0;
    if (entry.type === 'symlink' && (!last || followFinal)) {
      if (++hops > maxLinks) return { ok: false, reason: 'loop', path: here };
      done.pop();
      const target = entry.linkTarget ?? '';
      if (target.startsWith('/')) done.length = 0;
      pending.push(...components(target).reverse());
    } else if (!last && entry.type !== 'dir') {
      return { ok: false, reason: 'not-a-directory', path: here };
    }
  }
  return { ok: true, path: done.join('/') };
}

function components(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}
