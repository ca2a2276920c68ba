import type { LockfileParser } from './parser.js';

export const javascriptParsers: LockfileParser[] = [];
