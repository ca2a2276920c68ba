import type { Principal } from '../auth.js';
import { ApiError } from '../errors.js';

/**
 * Teams, tiers and the SLA policy shape every project's deadlines: a credential scoped to one
 * project may read them but not change them, whatever its role (it could otherwise relax its own
 * project's SLA).
 */
export function requireServerWide(p: Principal, what: string): void {
  if (p.projectId !== null)
    throw new ApiError('forbidden', `a project-scoped credential may not change ${what}`);
}
