import type { LockfileParser } from './parser.js';

export const otherEcosystemParsers: LockfileParser[] = [];
