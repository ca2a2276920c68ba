import { bunLockParser } from './bun-lock.js';
import { npmPackageLockParser } from './npm-package-lock.js';
import { packageJsonParser } from './package-json.js';
import type { LockfileParser } from './parser.js';
import { pnpmLockParser } from './pnpm-lock.js';
import { yarnLockParser } from './yarn-lock.js';

export const javascriptParsers: LockfileParser[] = [
  npmPackageLockParser,
  yarnLockParser,
  pnpmLockParser,
  bunLockParser,
  packageJsonParser,
];
