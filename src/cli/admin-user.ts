import { type Command, Option } from 'commander';
import { z } from 'zod';
import { UserError } from '../core/errors.js';
import { openStore, storeConfigFromEnv } from '../store/connect.js';
import { generatePassword, passwordProblem } from '../store/passwords.js';
import { createUser, findUserByEmail, USER_ROLES, type UserRole, updateUser } from '../store/users.js';
import { ensureProject, operator } from './admin-project.js';

interface UserFlags {
  email: string;
  role: UserRole;
  name?: string;
  project?: string;
  passwordStdin?: boolean;
}

/** The whole of standard input less one final line break (`echo`, `printf '%s\n'`). */
async function readPassword(input: NodeJS.ReadableStream & { isTTY?: boolean }): Promise<string> {
  if (input.isTTY)
    throw new UserError('--password-stdin: standard input is a terminal', 'pipe the password in');
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  const problem = passwordProblem(password);
  if (problem) throw new UserError(`--password-stdin: the password needs ${problem}`);
  return password;
}

export function registerAdminUser(admin: Command): void {
  const user = admin.command('user').description('Users who sign in to the dashboard');
  registerResetPassword(user);
  user
    .command('create')
    .description('Create a user; without --password-stdin a password is generated and printed once')
    .requiredOption('--email <address>', 'what the user signs in with')
    .addOption(
      new Option('--role <role>', 'what the user may do').choices([...USER_ROLES]).makeOptionMandatory(),
    )
    .option('--name <name>', "the user's name (default: the e-mail's local part)")
    .option('--project <name>', 'limit the user to one project (created if it does not exist yet)')
    .option('--password-stdin', 'read the password from standard input (at least 12 characters)')
    .action(async (flags: UserFlags) => {
      if (!z.email().max(320).safeParse(flags.email).success)
        throw new UserError(`--email ${flags.email}: not an e-mail address`);
      const password = flags.passwordStdin ? await readPassword(process.stdin) : undefined;
      const store = await openStore(storeConfigFromEnv());
      try {
        if (await findUserByEmail(store.db, flags.email))
          throw new UserError(`a user with e-mail ${flags.email.toLowerCase()} exists`);
        const actor = operator();
        const projectId = flags.project ? await ensureProject(store, flags.project, actor) : null;
        const generated = password === undefined ? generatePassword() : undefined;
        const user = await createUser(
          store.db,
          {
            email: flags.email,
            name: flags.name ?? flags.email.split('@')[0]!,
            role: flags.role,
            projectId,
            password: password ?? generated!,
          },
          { actor, now: Date.now() },
        );
        if (generated) process.stdout.write(`${generated}\n`);
        process.stderr.write(
          `gatehouse: created ${user.role} user ${user.email}${flags.project ? ` for project ${flags.project}` : ''}${generated ? '; the password is shown only now' : ''}\n`,
        );
      } finally {
        await store.close();
      }
    });
}

interface ResetFlags {
  email: string;
  passwordStdin?: boolean;
  enable?: boolean;
}

/**
 * The way back in when no administrator can sign in: a new password for a user (generated and
 * printed once, or read from standard input), which also unlocks the account and ends every
 * session of theirs; `--enable` re-enables a disabled account. Recorded in the audit log.
 */
function registerResetPassword(user: Command): void {
  user
    .command('reset-password')
    .description(
      'Set a new password for a user (generated and printed once without --password-stdin); unlocks the account and signs them out everywhere',
    )
    .requiredOption('--email <address>', 'the user to reset')
    .option('--password-stdin', 'read the new password from standard input (at least 12 characters)')
    .option('--enable', 'also re-enable the account if it was disabled')
    .action(async (flags: ResetFlags) => {
      const password = flags.passwordStdin ? await readPassword(process.stdin) : undefined;
      const store = await openStore(storeConfigFromEnv());
      try {
        const found = await findUserByEmail(store.db, flags.email);
        if (!found)
          throw new UserError(
            `no user with e-mail ${flags.email.toLowerCase()}`,
            'gatehouse admin user create adds one',
          );
        const generated = password === undefined ? generatePassword() : undefined;
        await updateUser(
          store.db,
          found.id,
          { password: password ?? generated!, ...(flags.enable ? { disabled: false } : {}) },
          { actor: operator(), now: Date.now() },
        );
        if (generated) process.stdout.write(`${generated}\n`);
        process.stderr.write(
          `gatehouse: new password set for ${found.email}; the account is unlocked${flags.enable ? ' and enabled' : ''} and its sessions ended${generated ? '; the password is shown only now' : ''}\n`,
        );
      } finally {
        await store.close();
      }
    });
}
