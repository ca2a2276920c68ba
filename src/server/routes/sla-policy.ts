import { z } from 'zod';
import { readSlaPolicy, replaceSlaPolicy } from '../../store/sla-policy.js';
import type { AnyRoute, ServerContext } from '../route.js';
import { requireServerWide } from './server-wide.js';

const Days = z.number().int().min(1).max(3650);

/** One tier's days: critical to low are required; without info, info findings have no SLA. */
const TierDays = z.strictObject({
  critical: Days,
  high: Days,
  medium: Days,
  low: Days,
  info: Days.optional(),
});

const Policy = z.strictObject({
  days: z
    .strictObject({ critical: TierDays, high: TierDays, medium: TierDays, low: TierDays })
    .describe('days to fix, per project tier, then per finding severity'),
  restartOnReopen: z
    .boolean()
    .describe(
      'false: a reopened finding keeps the due date counted from its first detection; true: its clock starts again at the reopen',
    ),
});

export function slaPolicyRoutes(ctx: ServerContext): AnyRoute[] {
  return [
    {
      method: 'GET',
      url: '/sla-policy',
      tag: 'sla',
      summary:
        'The SLA policy: days to fix per project tier and severity (info absent: no SLA), and whether a reopened finding’s clock restarts.',
      action: 'read',
      response: Policy,
      async handler() {
        return readSlaPolicy(ctx.store.db);
      },
    },
    {
      method: 'PUT',
      url: '/sla-policy',
      tag: 'sla',
      summary:
        'Replace the whole SLA policy. In the same transaction the due date of every open, confirmed and in-progress finding of every project is computed again from it (resolved and accepted findings keep theirs); answers how many moved.',
      action: 'admin',
      body: Policy,
      response: Policy.extend({
        dueDatesMoved: z.number().describe('open findings whose due date the change moved'),
      }),
      async handler({ body, principal }) {
        requireServerWide(principal, 'the SLA policy');
        const moved = await replaceSlaPolicy(ctx.store, body, principal.actor, Date.now());
        return { ...(await readSlaPolicy(ctx.store.db)), dueDatesMoved: moved };
      },
    },
  ];
}
