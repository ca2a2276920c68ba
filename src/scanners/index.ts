import { UserError } from '../core/errors.js';
import type { Scanner } from '../core/scanner.js';
import { scaScanner } from './sca/index.js';
import { secretsScanner } from './secrets/index.js';

/** Every scanner Gatehouse ships, in the order they are listed to users. */
export const SCANNERS: readonly Scanner[] = [secretsScanner, scaScanner];

export const DEFAULT_SCANNERS = ['secrets'];

export function scannersByName(names: readonly string[]): Scanner[] {
  return names.map((n) => {
    const s = SCANNERS.find((x) => x.name === n);
    if (!s)
      throw new UserError(
        `unknown scanner '${n}'`,
        `available scanners: ${SCANNERS.map((x) => x.name).join(', ')}`,
      );
    return s;
  });
}
