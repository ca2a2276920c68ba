import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost: N = 2^logN, block size r, parallelism p. */
export interface ScryptCost {
  logN: number;
  r: number;
  p: number;
}

/**
 * OWASP's scrypt setting that keeps memory at 32 MiB a hash (N=2^15, r=8, p=3 costs as much CPU as
 * N=2^17, p=1, at a quarter of the memory): a burst of sign-ins cannot exhaust the server's memory.
 */
export const DEFAULT_COST: ScryptCost = { logN: 15, r: 8, p: 3 };

export const MIN_PASSWORD_LENGTH = 12;
/** Longer passwords are refused before hashing: nobody types more, and hashing is the cost. */
export const MAX_PASSWORD_LENGTH = 1024;

const KEY_BYTES = 32;
const SALT_BYTES = 16;
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function derive(password: string, salt: Buffer, cost: ScryptCost, bytes: number): Promise<Buffer> {
  const N = 2 ** cost.logN;
  // OpenSSL needs 128·r·(N + 2 + p) bytes; twice that leaves room without a guess per setting.
  const opts: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * cost.r * (N + 2 + cost.p) };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, bytes, opts, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');

/**
 * The stored form, a PHC string: `$scrypt$ln=15,r=8,p=3$<salt>$<hash>`. The cost travels with
 * each hash, so raising it later leaves old hashes verifiable (and upgraded at the next sign-in).
 */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost, KEY_BYTES);
  return `$scrypt$ln=${cost.logN},r=${cost.r},p=${cost.p}$${b64(salt)}$${b64(key)}`;
}

function parse(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | undefined {
  const m = PHC.exec(stored);
  if (!m) return undefined;
  const cost = { logN: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (cost.logN < 1 || cost.logN > 20 || cost.r < 1 || cost.p < 1) return undefined;
  return { cost, salt: Buffer.from(m[4]!, 'base64'), key: Buffer.from(m[5]!, 'base64') };
}

/** Whether `password` is the one `stored` was made from; a malformed hash matches nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parse(stored);
  if (!h || h.key.length < 16) return false;
  const key = await derive(password, h.salt, h.cost, h.key.length);
  return timingSafeEqual(key, h.key);
}

/** A hash made at a lower cost than `cost` (or unreadable): rehash it when the password is at hand. */
export function weakerThan(stored: string, cost: ScryptCost): boolean {
  const h = parse(stored);
  if (!h) return true;
  return 2 ** h.cost.logN * h.cost.r * h.cost.p < 2 ** cost.logN * cost.r * cost.p;
}

/** 24 characters of base64url: 144 random bits. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/** Why the password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `at most ${MAX_PASSWORD_LENGTH} characters`;
  return undefined;
}
