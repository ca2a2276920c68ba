import { posix } from 'node:path';
import { topLevelObject } from './json-input.js';
import { parseLockfileYaml } from './lockfile-yaml.js';
import type { LockfileParser } from './parser.js';
import { parseYarnBerry } from './yarn-berry.js';
import { parseYarnV1 } from './yarn-v1.js';

/** Yarn 2+ lockfiles are YAML and always start with a `__metadata` block; yarn 1's never do. */
function isBerry(text: string): boolean {
  return /^"?__metadata"?:/m.test(text);
}

export const yarnLockParser: LockfileParser = {
  name: 'yarn-lock',
  ecosystem: 'npm',
  format: 'yarn.lock (yarn 1 and yarn 2+)',
  matches: (path) => posix.basename(path) === 'yarn.lock',
  parse(input) {
    if (!isBerry(input.text)) return parseYarnV1(input);
    return parseYarnBerry(topLevelObject(parseLockfileYaml(input.text)), input);
  },
};
