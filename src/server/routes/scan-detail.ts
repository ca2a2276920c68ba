import { z } from 'zod';
import { scanDetail } from '../../store/scan-query.js';
import { ApiError } from '../errors.js';
import type { AnyRoute, Handled, ServerContext } from '../route.js';
import { IdParams } from './finding-contract.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const Scan = z.object({
  id: z.number(),
  project: z.string(),
  branch: z.string(),
  commit: z.string().nullable(),
  repository: z.string().nullable(),
  pipeline: z.string().nullable(),
  stage: z.string().nullable(),
  complete: z.boolean().describe('false for diff scans (--changed-since), which close nothing'),
  source: z.string().describe('gatehouse, sarif:<tool>, cyclonedx, spdx'),
  toolVersion: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  receivedAt: z.string(),
  uploadedBy: z.string().nullable(),
  gate: z.object({ verdict: z.string().nullable(), policyVersion: z.string().nullable() }),
  counts: z.object({ findings: z.number(), new: z.number(), reopened: z.number(), fixed: z.number() }),
  scanners: z.array(z.object({ name: z.string(), status: z.string(), findings: z.number() })),
});

export function scanDetailRoutes(ctx: ServerContext): AnyRoute[] {
  return [
    {
      method: 'GET',
      url: '/scans/:id',
      tag: 'scans',
      summary:
        'One uploaded scan: where it came from, what each scanner did, what it changed and its gate verdict.',
      action: 'read',
      params: IdParams,
      response: z.object({ scan: Scan }),
      async handler({ params, principal }: Handled<unknown, z.infer<typeof IdParams>, unknown>) {
        const d = await scanDetail(ctx.store.db, params.id);
        if (!d || (principal.projectId !== null && d.scan.project_id !== principal.projectId))
          throw new ApiError('not_found', `no scan ${params.id}`);
        const s = d.scan;
        return {
          scan: {
            id: s.id,
            project: d.project,
            branch: s.branch,
            commit: s.commit_sha,
            repository: s.repository,
            pipeline: s.pipeline_id,
            stage: s.stage,
            complete: s.complete === 1,
            source: s.source,
            toolVersion: s.tool_version,
            startedAt: iso(s.started_at),
            finishedAt: iso(s.finished_at),
            receivedAt: iso(s.received_at)!,
            uploadedBy: s.uploaded_by,
            gate: { verdict: s.gate_verdict, policyVersion: s.policy_version },
            counts: {
              findings: s.findings_count,
              new: s.new_count,
              reopened: s.reopened_count,
              fixed: s.fixed_count,
            },
            scanners: d.scanners.map((x) => ({ name: x.scanner, status: x.status, findings: x.findings })),
          },
        };
      },
    },
  ];
}
