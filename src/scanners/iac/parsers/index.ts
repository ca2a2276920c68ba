import type { IacParser } from './parser.js';

/** Every IaC format Gatehouse reads. Adding a format is adding one parser here. */
export const PARSERS: readonly IacParser[] = [];

export const claimedByAny = (path: string): boolean => PARSERS.some((p) => p.claims(path));
