import { Command, CommanderError } from 'commander';
import { UserError } from '../core/errors.js';
import { toolVersion } from '../core/version.js';

export const EXIT_PASS = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_ERROR = 2;

/** Commands set the exit code here; commander's actions cannot return one. */
export interface RunState {
  exitCode: number;
}

type Register = (program: Command, state: RunState) => void;

/**
 * Each command's module, loaded only when that command runs (all of them for help or an
 * unknown command): a secrets scan in a pre-commit hook should not load SQLite or the SBOM
 * libraries just to start.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  scan: async () => (await import('./scan.js')).registerScan,
  image: async () => (await import('./image.js')).registerImage,
  dast: async () => (await import('./dast.js')).registerDast,
  gate: async () => (await import('./gate.js')).registerGate,
  init: async () => (await import('./init.js')).registerInit,
  rules: async () => (await import('./rules.js')).registerRules,
  sbom: async () => (await import('./sbom.js')).registerSbom,
  db: async () => (await import('./db.js')).registerDb,
  admission: async () => (await import('./admission.js')).registerAdmission,
  serve: async () => (await import('./serve.js')).registerServe,
  worker: async () => (await import('./worker.js')).registerWorker,
  admin: async () => (await import('./admin.js')).registerAdmin,
  demo: async () => (await import('./demo.js')).registerDemo,
};

async function program(state: RunState, argv: readonly string[]): Promise<Command> {
  const p = new Command('gatehouse')
    .description('Security gate for delivery pipelines: secrets, dependencies, IaC, code, containers')
    .version(toolVersion())
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const asked = argv[2];
  const names = asked && COMMANDS[asked] ? [asked] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]!())(p, state);
  return p;
}

/** The one error boundary: user mistakes exit 2 with a message, bugs exit 2 with a stack. */
export async function main(argv: string[]): Promise<number> {
  try {
    const state: RunState = { exitCode: EXIT_PASS };
    await (await program(state, argv)).parseAsync(argv);
    return state.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT_PASS : EXIT_ERROR;
    }
    if (e instanceof UserError) {
      process.stderr.write(`gatehouse: error: ${e.message}\n${e.hint ? `hint: ${e.hint}\n` : ''}`);
      return EXIT_ERROR;
    }
    process.stderr.write(
      `gatehouse: internal error: ${(e as Error)?.stack ?? String(e)}\nPlease report this.\n`,
    );
    return EXIT_ERROR;
  }
}
