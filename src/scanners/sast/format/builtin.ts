import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SastRule } from '../engine/types.js';
import { loadRuleDir } from './load.js';

/**
 * Built-in rules live as YAML beside the code, one folder per language. Read relative to this
 * module, so it works from src/ (tsx, tests) and from dist/ (the build copies the YAML there).
 */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../rules/', import.meta.url));

let cached: readonly SastRule[] | undefined;

export function builtinRules(): readonly SastRule[] {
  if (cached) return cached;
  const all: SastRule[] = [];
  for (const name of builtinFolders()) {
    const taken = new Set(all.map((r) => r.id));
    all.push(...loadRuleDir(`${BUILTIN_RULES_DIR}${name}`, `(built-in) ${name}`, taken));
  }
  cached = all;
  return all;
}

export function builtinFolders(): string[] {
  if (!existsSync(BUILTIN_RULES_DIR)) return [];
  return readdirSync(BUILTIN_RULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}
