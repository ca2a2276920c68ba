import { type Command, Option } from 'commander';
import { openStore, storeConfigFromEnv } from '../store/connect.js';
import type { Role } from '../store/schema.js';
import { createToken, ROLES } from '../store/tokens.js';
import { ensureProject, operator } from './admin-project.js';
import { registerAdminUser } from './admin-user.js';
import type { RunState } from './program.js';

interface TokenFlags {
  role: Role;
  project?: string;
  name?: string;
}

export function registerAdmin(program: Command, _state: RunState): void {
  const admin = program
    .command('admin')
    .description('Administer the Gatehouse server database (same DATABASE_URL / GATEHOUSE_HOME as serve)');
  const token = admin.command('token').description('API tokens');
  token
    .command('create')
    .description('Create an API token and print it once (only its hash is stored)')
    .addOption(new Option('--role <role>', 'what the token may do').choices([...ROLES]).makeOptionMandatory())
    .option('--project <name>', 'limit the token to one project (created if it does not exist yet)')
    .option('--name <name>', 'a name to recognise the token by in the audit log')
    .action(async (flags: TokenFlags) => {
      const store = await openStore(storeConfigFromEnv());
      try {
        const actor = operator();
        const projectId = flags.project ? await ensureProject(store, flags.project, actor) : null;
        const name = flags.name ?? `${flags.role}${flags.project ? `-${flags.project}` : ''}`;
        const { token: value } = await createToken(store.db, {
          role: flags.role,
          name,
          projectId,
          createdBy: actor,
        });
        process.stdout.write(`${value}\n`);
        process.stderr.write(
          `gatehouse: created ${flags.role} token "${name}"${flags.project ? ` for project ${flags.project}` : ''}; it is shown only now\n`,
        );
      } finally {
        await store.close();
      }
    });
  registerAdminUser(admin);
}
