import type { AnyRoute, ServerContext } from '../route.js';
import { auditRoutes } from './audit.js';
import { componentRoutes } from './components.js';
import { exceptionRoutes } from './exceptions.js';
import { findingRoutes } from './findings.js';
import { gateRoutes } from './gate.js';
import { metricRoutes } from './metrics.js';
import { openNowRoutes } from './metrics-open.js';
import { trendRoutes } from './metrics-trends.js';
import { projectRankingRoutes } from './project-ranking.js';
import { projectRoutes } from './projects.js';
import { scanDetailRoutes } from './scan-detail.js';
import { scanListRoutes } from './scan-list.js';
import { scanRoutes } from './scans.js';
import { sessionRoutes } from './session.js';
import { slaPolicyRoutes } from './sla-policy.js';
import { teamRoutes } from './teams.js';
import { tokenRoutes } from './tokens.js';
import { userRoutes } from './users.js';
import { webhookRoutes } from './webhooks.js';

/** Every /api/v1 operation, in the order the OpenAPI document lists them. */
export function apiRoutes(ctx: ServerContext): AnyRoute[] {
  return [
    ...scanRoutes(ctx),
    ...scanListRoutes(ctx),
    ...scanDetailRoutes(ctx),
    ...gateRoutes(ctx),
    ...projectRoutes(ctx),
    ...teamRoutes(ctx),
    ...slaPolicyRoutes(ctx),
    ...findingRoutes(ctx),
    ...webhookRoutes(ctx),
    ...exceptionRoutes(ctx),
    ...componentRoutes(ctx),
    ...metricRoutes(ctx),
    ...openNowRoutes(ctx),
    ...trendRoutes(ctx),
    ...projectRankingRoutes(ctx),
    ...auditRoutes(ctx),
    ...sessionRoutes(ctx),
    ...userRoutes(ctx),
    ...tokenRoutes(ctx),
  ];
}
