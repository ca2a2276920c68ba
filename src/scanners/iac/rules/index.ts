import type { IacRule } from '../rule.js';

/** Every built-in IaC rule, by platform pack. Adding a rule is adding it to its pack's array. */
export const IAC_RULES: readonly IacRule[] = [];
