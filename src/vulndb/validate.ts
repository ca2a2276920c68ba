import { z } from 'zod';
import type { OsvRecord } from './osv.js';
import { canonicalTime } from './time.js';

/**
 * The minimum an OSV record needs before it goes into the database: the fields the store and
 * the matcher read, with the types they expect. Unknown fields are kept (the schema grows).
 */
const time = z.string().refine((s) => canonicalTime(s) !== undefined, 'not an RFC 3339 time');
const text = z.string().max(1_000_000);

const event = z.looseObject({
  introduced: z.string().max(256).optional(),
  fixed: z.string().max(256).optional(),
  last_affected: z.string().max(256).optional(),
  limit: z.string().max(256).optional(),
});

const affected = z.looseObject({
  package: z
    .looseObject({
      ecosystem: z.string().min(1).max(200),
      name: z.string().min(1).max(1000),
      purl: z.string().max(2000).optional(),
    })
    .optional(),
  ranges: z.array(z.looseObject({ type: z.string().max(64), events: z.array(event) })).optional(),
  versions: z.array(z.string().max(256)).optional(),
  ecosystem_specific: z.record(z.string(), z.unknown()).optional(),
  database_specific: z.record(z.string(), z.unknown()).optional(),
});

const osvRecord = z.looseObject({
  // OSV ids are prefix-number style (GHSA-…, PYSEC-2021-1, RHSA-2023:1234); anything else,
  // such as a path or control characters, is not an id we will print or store.
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:+-]{0,255}$/, 'not an OSV id'),
  modified: time,
  published: time.optional(),
  withdrawn: time.optional(),
  aliases: z.array(z.string().max(256)).optional(),
  related: z.array(z.string().max(256)).optional(),
  summary: text.optional(),
  details: text.optional(),
  severity: z.array(z.looseObject({ type: z.string().max(64), score: z.string().max(1000) })).optional(),
  affected: z.array(affected).optional(),
  references: z.array(z.looseObject({ type: z.string().max(64), url: z.string().max(10_000) })).optional(),
  database_specific: z.record(z.string(), z.unknown()).optional(),
});

/** Deeper than this is not advisory data; it would only exhaust the stack later. */
export const MAX_DEPTH = 64;

export type Validated = { ok: true; record: OsvRecord } | { ok: false; reason: string };

export function validateRecord(value: unknown): Validated {
  if (depthExceeds(value, MAX_DEPTH))
    return { ok: false, reason: `nested more than ${MAX_DEPTH} levels deep` };
  const r = osvRecord.safeParse(value);
  if (r.success) return { ok: true, record: value as OsvRecord };
  const issue = r.error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'record';
  const id = typeof (value as { id?: unknown })?.id === 'string' ? `${(value as { id: string }).id}: ` : '';
  return { ok: false, reason: `${id}${where}: ${issue.message}` };
}

/** Iterative, so a hostile depth cannot overflow the stack while being measured. */
function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > limit) return true;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}
