import type { Rng } from './prng.js';

/** Vocabulary for identifiers, comments and config keys in generated code. */
export const WORDS = (
  'account active address admin agent alert amount api app archive asset audit batch billing block body bucket ' +
  'buffer build bundle cache calendar cart catalog channel chart check client cluster code config connection ' +
  'consumer content context count country coupon cursor customer dashboard data date debug delivery device ' +
  'digest domain draft email entry event export feature feed field file filter flag form format gateway group ' +
  'handler header health history host image import index inventory invoice item job key label layout ledger ' +
  'limit link list loader locale lock log manager map message meta metric mode model module monitor node ' +
  'notice offset option order owner page parser partner path payload payment period plan policy pool port ' +
  'post price product profile project provider queue quota range rate record region registry release report ' +
  'request resource response result retry review role route rule sample schedule schema scope search segment ' +
  'sender service session setting shard shipment signal size slot snapshot source stage state status step ' +
  'storage store stream subscription summary supplier sync table tag target task team template tenant ticket ' +
  'timer topic total trace track transfer tree trigger type unit update upload usage user value vendor version ' +
  'view volume warehouse webhook window worker workflow zone'
).split(' ');

export const VERBS =
  'build check collect compute create decode delete encode fetch find flush format get handle load lookup merge normalize parse process publish read refresh register remove render resolve save send serialize set sort split start stop store sync transform update validate verify watch write'.split(
    ' ',
  );

export const SENTENCES = [
  'Returns the value unchanged when the input is already normalised.',
  'Retries are bounded so that a slow upstream cannot stall the worker.',
  'The cache is keyed by tenant and invalidated on every release.',
  'Callers must hold the lock before touching the shared state.',
  'Kept for backwards compatibility with clients older than 2.3.',
  'Errors are wrapped with the request id to make the logs searchable.',
  'This runs on every request, so keep it allocation free.',
  'See the runbook for what to do when the queue backs up.',
  'Values are validated at the boundary and trusted afterwards.',
  'Pagination uses opaque cursors; offsets are not stable under writes.',
  'The token is read from the environment at start-up, never from this file.',
  'Passwords are hashed with argon2id before they reach the database.',
];

export function word(rng: Rng): string {
  return rng.pick(WORDS);
}

export function camel(rng: Rng, parts = rng.int(1, 3)): string {
  const ws = Array.from({ length: parts }, () => word(rng));
  return ws.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}

export function pascal(rng: Rng, parts = rng.int(1, 3)): string {
  const c = camel(rng, parts);
  return c[0]!.toUpperCase() + c.slice(1);
}

export function snake(rng: Rng, parts = rng.int(1, 3)): string {
  return Array.from({ length: parts }, () => word(rng)).join('_');
}

export function verbName(rng: Rng, style: 'camel' | 'snake' | 'pascal'): string {
  const v = rng.pick(VERBS);
  const n = word(rng);
  if (style === 'snake') return `${v}_${n}`;
  const cap = n[0]!.toUpperCase() + n.slice(1);
  return style === 'camel' ? `${v}${cap}` : `${v[0]!.toUpperCase()}${v.slice(1)}${cap}`;
}

export function sentence(rng: Rng): string {
  return rng.pick(SENTENCES);
}
