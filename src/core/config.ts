import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Config, configSchema } from './config-schema.js';
import { UserError } from './errors.js';

export const CONFIG_FILE = 'gatehouse.yml';
const MAX_CONFIG_BYTES = 1024 * 1024;

export function defaultConfig(): Config {
  return configSchema.parse({});
}

/** Reads YAML from a file a user wrote; alias bombs and huge files are refused. */
export function readYamlFile(path: string): unknown {
  let text: string;
  try {
    const buf = readFileSync(path);
    if (buf.length > MAX_CONFIG_BYTES) throw new UserError(`${path}: file is larger than 1 MiB`);
    text = buf.toString('utf8');
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const where = err.linePos?.[0]
      ? `line ${err.linePos[0].line}, column ${err.linePos[0].col}`
      : 'unknown place';
    throw new UserError(`${path}: invalid YAML at ${where}: ${err.message.split('\n')[0]}`);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new UserError(`${path}: ${(e as Error).message}`);
  }
}

/** One line per problem, naming the key and what is allowed. */
export function formatIssues(file: string, issues: readonly z.core.$ZodIssue[], prefix = ''): string {
  return issues
    .map((i) => {
      const key = [prefix, ...i.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))]
        .filter(Boolean)
        .join('.')
        .replace(/\.\[/g, '[');
      return `${file}: ${key || '(top level)'}: ${describeIssue(i)}`;
    })
    .join('\n');
}

function describeIssue(i: z.core.$ZodIssue): string {
  if (i.code === 'unrecognized_keys') return `unknown key(s) ${i.keys.map((k) => `'${k}'`).join(', ')}`;
  if (i.code === 'invalid_value')
    return `must be one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return i.message;
}

export function parseConfig(raw: unknown, file: string): Config {
  const result = configSchema.safeParse(raw ?? {});
  if (!result.success) {
    throw new UserError(formatIssues(file, result.error.issues), 'see docs/policy.md for every key');
  }
  return result.data;
}

/**
 * Loads `explicitPath`, or `gatehouse.yml` at the scan root when present, else the defaults.
 * An explicit path that does not exist is an error; a missing default file is not.
 */
export function loadConfig(root: string, explicitPath?: string): { config: Config; path?: string } {
  const path = explicitPath ? resolve(explicitPath) : join(root, CONFIG_FILE);
  if (!existsSync(path)) {
    if (explicitPath) throw new UserError(`${explicitPath}: config file not found`);
    return { config: defaultConfig() };
  }
  return { config: parseConfig(readYamlFile(path), path), path };
}
