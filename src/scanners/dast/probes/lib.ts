import type { ConfirmedHit, Exchange, ProbeContext } from '../types.js';
import { probeUrl } from './not-found.js';

/**
 * The answer for `path` under the probed origin (or folder), when it is a real, readable page:
 * a 2xx that is not this server's "not found". Anything a probe reports passes here first, so a
 * soft-404 or a 401/403 login wall is never mistaken for the file.
 */
export async function fetchFound(ctx: ProbeContext, path: string): Promise<Exchange | undefined> {
  const ex = await ctx.send({ method: 'GET', url: probeUrl(ctx.origin, path) });
  if (!ex || ex.response.status < 200 || ex.response.status >= 300) return undefined;
  return ctx.looksNotFound(ex) ? undefined : ex;
}

/** Every path of a family at once (the client limits concurrency), and each confirmed one reported. */
export async function probeAll(
  ctx: ProbeContext,
  paths: readonly string[],
  confirm: (ex: Exchange, path: string) => Omit<ConfirmedHit, 'exchange'> | undefined,
): Promise<ConfirmedHit[]> {
  const answers = await Promise.all(paths.map(async (path) => ({ path, ex: await fetchFound(ctx, path) })));
  const hits: ConfirmedHit[] = [];
  for (const { path, ex } of answers) {
    if (!ex) continue;
    const found = confirm(ex, path);
    if (found) hits.push({ ...found, exchange: ex });
  }
  return hits;
}

export function startsWith(body: Buffer, bytes: readonly number[], offset = 0): boolean {
  return body.length >= offset + bytes.length && bytes.every((b, i) => body[offset + i] === b);
}

/**
 * Starts like an HTML page, whatever the Content-Type says. Only the start counts: a dump or a
 * source file may well contain `</p>` further down.
 */
export function looksLikeHtml(text: string): boolean {
  return /^\uFEFF?\s*(?:<!doctype html|<html|<head|<body|<!--)/i.test(text.slice(0, 512));
}
