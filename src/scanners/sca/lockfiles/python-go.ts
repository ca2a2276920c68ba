import type { LockfileParser } from './parser.js';

export const pythonGoParsers: LockfileParser[] = [];
