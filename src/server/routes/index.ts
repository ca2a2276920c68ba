import type { AnyRoute, ServerContext } from '../route.js';
import { auditRoutes } from './audit.js';
import { componentRoutes } from './components.js';
import { exceptionRoutes } from './exceptions.js';
import { findingRoutes } from './findings.js';
import { gateRoutes } from './gate.js';
import { metricRoutes } from './metrics.js';
import { projectRoutes } from './projects.js';
import { scanDetailRoutes } from './scan-detail.js';
import { scanRoutes } from './scans.js';
import { webhookRoutes } from './webhooks.js';

/** Every /api/v1 operation, in the order the OpenAPI document lists them. */
export function apiRoutes(ctx: ServerContext): AnyRoute[] {
  return [
    ...scanRoutes(ctx),
    ...scanDetailRoutes(ctx),
    ...gateRoutes(ctx),
    ...projectRoutes(ctx),
    ...findingRoutes(ctx),
    ...webhookRoutes(ctx),
    ...exceptionRoutes(ctx),
    ...componentRoutes(ctx),
    ...metricRoutes(ctx),
    ...auditRoutes(ctx),
  ];
}
