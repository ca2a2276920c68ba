import { createHash } from 'node:crypto';

export const FINGERPRINT_KEY = 'gatehouse/v1';

/**
 * The one function that identifies a finding across scans, baselines, exceptions and the
 * server. Line numbers are left out on purpose: moving code must not make a new finding.
 */
export function fingerprint(ruleId: string, path: string, content: string): string {
  // JSON keeps the three fields apart whatever characters they hold.
  return createHash('sha256')
    .update(JSON.stringify([ruleId, path, content]))
    .digest('hex')
    .slice(0, 32);
}
