import type { HardeningInput } from './types.js';

export const PASSWD = 'etc/passwd';

/** Who the container's process runs as, as far as the image says. */
export type RunAs = { root: true; user: string; why: string } | { root: false; user: string };

/** The uid `etc/passwd` gives `name`, when it lists it. */
function passwdUid(content: Buffer | undefined, name: string): number | undefined {
  for (const line of content?.toString('utf8').split('\n') ?? []) {
    const [user, , uid] = line.split(':');
    if (user === name && uid !== undefined && /^\d+$/.test(uid)) return Number(uid);
  }
  return undefined;
}

/**
 * From the config's User (`name`, `uid`, with an optional `:group`), mapped through the image's
 * own `etc/passwd`: a renamed uid 0 (`toor`) is root too. Undefined without a config (a root
 * filesystem): nothing says who runs it. A name the image does not list is not root, whatever
 * else it is (the runtime refuses to start it).
 */
export function runAs(input: HardeningInput): RunAs | undefined {
  if (!input.config) return undefined;
  const user = (input.config.user ?? '').trim();
  const name = user.split(':')[0]!;
  if (name === '')
    return { root: true, user, why: 'the image config sets no User, so the container runs as root' };
  if (/^\d+$/.test(name))
    return Number(name) === 0
      ? { root: true, user, why: `User is ${user}: uid 0 is root` }
      : { root: false, user };
  if (name === 'root') return { root: true, user, why: `User is ${user}` };
  const uid = passwdUid(input.files.get(PASSWD)?.content, name);
  if (uid === 0) return { root: true, user, why: `User is ${user}, and etc/passwd gives ${name} uid 0` };
  return { root: false, user };
}
