import { Command, CommanderError } from 'commander';
import { UserError } from '../core/errors.js';
import { toolVersion } from '../core/version.js';
import { registerDb } from './db.js';
import { registerInit } from './init.js';
import { registerRules } from './rules.js';
import { registerSbom } from './sbom.js';
import { registerScan } from './scan.js';

export const EXIT_PASS = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_ERROR = 2;

/** Commands set the exit code here; commander's actions cannot return one. */
export interface RunState {
  exitCode: number;
}

function program(state: RunState): Command {
  const p = new Command('gatehouse')
    .description('Security gate for delivery pipelines: secrets, dependencies, IaC, code, containers')
    .version(toolVersion())
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerScan(p, state);
  registerInit(p);
  registerRules(p);
  registerSbom(p, state);
  registerDb(p);
  return p;
}

/** The one error boundary: user mistakes exit 2 with a message, bugs exit 2 with a stack. */
export async function main(argv: string[]): Promise<number> {
  try {
    const state: RunState = { exitCode: EXIT_PASS };
    await program(state).parseAsync(argv);
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
