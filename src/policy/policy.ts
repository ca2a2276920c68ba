import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { CONFIG_FILE } from '../core/config.js';
import type { Config, GateConfig } from '../core/config-schema.js';
import { UserError } from '../core/errors.js';
import {
  compileExceptions,
  type ExceptionEntry,
  loadExceptionsFile,
  type PolicyException,
} from './exceptions.js';
import { type CompiledGateRule, compileRules } from './rules.js';

/** The policy with every expression compiled and every exception read: nothing left to fail on input. */
export interface CompiledPolicy {
  gate: GateConfig;
  rules: CompiledGateRule[];
  exceptions: PolicyException[];
  /** Where a developer should add a new exception: the exceptions file when there is one. */
  exceptionsFile: string;
  /** `gate.baseline` resolved like `exceptions_file`; the caller loads it (a flag may override it). */
  baselinePath?: string;
}

export interface CompilePolicyOptions {
  /** The scan root: relative paths resolve against it when there is no config file. */
  root?: string;
}

/**
 * Compiles once, at config load, so a bad expression or exceptions file stops the run
 * before any scanning, with the file and key that are wrong.
 */
export function compilePolicy(
  config: Config,
  configPath?: string,
  opts: CompilePolicyOptions = {},
): CompiledPolicy {
  const configFile = configPath ? shownPath(configPath) : CONFIG_FILE;
  const base = configPath ? dirname(resolve(configPath)) : resolve(opts.root ?? '.');
  const entries: ExceptionEntry[] = config.exceptions.map((spec, i) => ({
    spec,
    source: `${configFile}: exceptions[${i}]`,
  }));
  let exceptionsFile = configFile;
  if (config.exceptions_file) {
    const path = resolve(base, config.exceptions_file);
    exceptionsFile = shownPath(path);
    entries.push(...readExceptionsFile(path, configFile));
  }
  const policy: CompiledPolicy = {
    gate: config.gate,
    rules: compileRules(config.gate, configFile),
    exceptions: compileExceptions(entries),
    exceptionsFile,
  };
  if (config.gate.baseline) policy.baselinePath = resolve(base, config.gate.baseline);
  return policy;
}

/** Reports name files relative to where gatehouse runs (the checkout in CI), not by absolute path. */
function shownPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function readExceptionsFile(path: string, configFile: string): ExceptionEntry[] {
  if (!existsSync(path)) {
    throw new UserError(
      `${configFile}: exceptions_file: ${path} does not exist`,
      'the path is relative to the directory of gatehouse.yml; create the file (an empty list is fine) or fix the path',
    );
  }
  return loadExceptionsFile(path, shownPath(path));
}
