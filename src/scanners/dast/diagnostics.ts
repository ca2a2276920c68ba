import type { Diagnostic } from '../../core/diagnostic.js';
import { SCANNER } from './types.js';

export function diag(level: Diagnostic['level'], code: string, message: string, path?: string): Diagnostic {
  return { level, code, message, scanner: SCANNER, ...(path ? { path } : {}) };
}
