import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.js';
import { gatehouseHome } from '../../store/connect.js';

const VERSION = 'v1';
export const KEY_FILE = 'secret.key';

/**
 * The key that seals webhook secrets at rest: GATEHOUSE_SECRET_KEY when set (every server and
 * worker of one database must share it), else a random key kept in $GATEHOUSE_HOME/secret.key,
 * created on first use — enough for the embedded server on one machine.
 */
export function secretKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const configured = env.GATEHOUSE_SECRET_KEY;
  if (configured) return createHash('sha256').update(configured).digest();
  const home = gatehouseHome(env);
  const file = join(home, KEY_FILE);
  try {
    return createHash('sha256').update(readFileSync(file, 'utf8').trim()).digest();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(home, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // Another process created it first: use theirs.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return createHash('sha256').update(readFileSync(file, 'utf8').trim()).digest();
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function seal(plain: string, key: Buffer = secretKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function unseal(sealed: string, key: Buffer = secretKey()): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined)
    throw new UserError('a sealed webhook secret is malformed');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    // One sentence with the fix: it ends up as a delivery's last error, where admins look.
    throw new UserError(
      'cannot unseal a webhook secret: it was sealed with another key; give every server and worker of this database the same GATEHOUSE_SECRET_KEY',
    );
  }
}
