import type { ActiveCheck } from '../types.js';
import { commandInjection } from './command-injection.js';
import { crlfInjection } from './crlf-injection.js';
import { openRedirect } from './open-redirect.js';
import { pathTraversal } from './path-traversal.js';
import { reflectedXss } from './reflected-xss.js';
import { sqlInjectionBoolean } from './sql-injection-boolean.js';
import { sqlInjectionError } from './sql-injection-error.js';
import { ssti } from './ssti.js';

/** Every active check, cheapest first: command injection may sleep, so it runs last. */
export const ACTIVE_CHECKS: ActiveCheck[] = [
  reflectedXss,
  sqlInjectionError,
  sqlInjectionBoolean,
  pathTraversal,
  openRedirect,
  crlfInjection,
  ssti,
  commandInjection,
];

export { activeContext, insertionPoints } from './context.js';
