import { goModParser } from './go-mod.js';
import type { LockfileParser } from './parser.js';
import { pdmLockParser } from './pdm-lock.js';
import { pipfileLockParser } from './pipfile-lock.js';
import { poetryLockParser } from './poetry-lock.js';
import { pylockTomlParser } from './pylock-toml.js';
import { requirementsTxtParser } from './requirements-txt.js';
import { uvLockParser } from './uv-lock.js';

export const pythonGoParsers: LockfileParser[] = [
  requirementsTxtParser,
  poetryLockParser,
  pipfileLockParser,
  uvLockParser,
  pdmLockParser,
  pylockTomlParser,
  goModParser,
];
