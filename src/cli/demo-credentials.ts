import type { Store } from '../store/connect.js';
import { generatePassword } from '../store/passwords.js';
import { createToken, revokeToken } from '../store/tokens.js';
import { createUser, findUserByEmail, updateUser } from '../store/users.js';
import { ensureProject } from './admin-project.js';

/** Who the audit log says set the demo up. */
export const DEMO_ACTOR = 'demo';
export const DEMO_ADMIN_EMAIL = 'admin@example.com';
/** The project the printed `gatehouse scan --upload` example sends to, and its token may write. */
export const DEMO_CI_PROJECT = 'demo';

/**
 * The demo's administrator with a newly generated password: created on the first run, given a
 * new password when a kept home (`--home`) has it already, since only its hash was stored.
 */
export async function demoAdmin(store: Store): Promise<{ email: string; password: string }> {
  const password = generatePassword();
  const changed = { actor: DEMO_ACTOR, now: Date.now() };
  const existing = await findUserByEmail(store.db, DEMO_ADMIN_EMAIL);
  if (existing)
    await updateUser(store.db, existing.id, { password, role: 'admin', disabled: false }, changed);
  else
    await createUser(
      store.db,
      { email: DEMO_ADMIN_EMAIL, name: 'Demo admin', role: 'admin', projectId: null, password },
      changed,
    );
  return { email: DEMO_ADMIN_EMAIL, password };
}

/** A CI token limited to the project `demo`, for the visitor's own first upload. */
export async function demoCiToken(store: Store): Promise<string> {
  const projectId = await ensureProject(store, DEMO_CI_PROJECT, DEMO_ACTOR);
  const t = await createToken(store.db, { role: 'ci', name: 'demo-ci', projectId, createdBy: DEMO_ACTOR });
  return t.token;
}

/** Runs `fn` with a CI token for any project, revoked when it is done: it is never shown. */
export async function withUploadToken<T>(store: Store, fn: (token: string) => Promise<T>): Promise<T> {
  const t = await createToken(store.db, {
    role: 'ci',
    name: 'demo-examples',
    projectId: null,
    createdBy: DEMO_ACTOR,
  });
  try {
    return await fn(t.token);
  } finally {
    await revokeToken(store.db, t.id, DEMO_ACTOR);
  }
}
