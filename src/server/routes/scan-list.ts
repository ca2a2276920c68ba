import { z } from 'zod';
import { listScans } from '../../store/scan-list.js';
import { ApiError } from '../errors.js';
import type { AnyRoute, ServerContext } from '../route.js';
import { projectByName } from './projects.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const ListedScan = z.object({
  id: z.number(),
  project: z.string(),
  branch: z.string(),
  commit: z.string().nullable(),
  pipeline: z.string().nullable(),
  stage: z.string().nullable(),
  complete: z.boolean().describe('false for diff scans (--changed-since), which close nothing'),
  source: z.string().describe('gatehouse, sarif:<tool>, cyclonedx, spdx'),
  receivedAt: z.string(),
  uploadedBy: z.string().nullable(),
  gate: z.object({
    verdict: z
      .string()
      .nullable()
      .describe('the verdict the pipeline reported; null for uploads without one'),
    policyVersion: z.string().nullable(),
  }),
  counts: z.object({ findings: z.number(), new: z.number(), reopened: z.number(), fixed: z.number() }),
  scanners: z.array(z.object({ name: z.string(), status: z.string(), findings: z.number() })),
});

/** The cursor is opaque to clients: the last scan's receipt time and id. */
const encodeCursor = (at: number, id: number) => Buffer.from(JSON.stringify([at, id])).toString('base64url');

function decodeCursor(text: string): { at: number; id: number } {
  try {
    const [at, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Number.isInteger(at) && Number.isInteger(id)) return { at, id };
  } catch {
    // answered below
  }
  throw new ApiError('bad_request', 'query.cursor: not a cursor this API gave (pass `next` unchanged)');
}

export function scanListRoutes(ctx: ServerContext): AnyRoute[] {
  return [
    {
      method: 'GET',
      url: '/scans',
      tag: 'scans',
      summary:
        'Scans the credential can see, newest first, with their gate verdict, what they changed and what each scanner did: a project’s scan and gate history. Page with `cursor` = the previous answer’s `next`.',
      action: 'read',
      query: z.object({
        project: z.string().min(1).max(200).optional(),
        branch: z.string().min(1).max(300).optional(),
        verdict: z.enum(['pass', 'warn', 'fail']).optional().describe('only scans with this gate verdict'),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().max(200).optional(),
      }),
      response: z.object({ scans: z.array(ListedScan), next: z.string().nullable() }),
      async handler({ query, principal }) {
        const projectId = query.project
          ? (await projectByName(ctx, principal, query.project)).id
          : (principal.projectId ?? undefined);
        const { scans, more } = await listScans(ctx.store.db, {
          projectId,
          branch: query.branch,
          verdict: query.verdict,
          before: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
          limit: query.limit,
        });
        const last = scans.at(-1)?.scan;
        return {
          scans: scans.map(({ scan: s, project, scanners }) => ({
            id: s.id,
            project,
            branch: s.branch,
            commit: s.commit_sha,
            pipeline: s.pipeline_id,
            stage: s.stage,
            complete: s.complete === 1,
            source: s.source,
            receivedAt: iso(s.received_at)!,
            uploadedBy: s.uploaded_by,
            gate: { verdict: s.gate_verdict, policyVersion: s.policy_version },
            counts: {
              findings: s.findings_count,
              new: s.new_count,
              reopened: s.reopened_count,
              fixed: s.fixed_count,
            },
            scanners: scanners.map((x) => ({ name: x.scanner, status: x.status, findings: x.findings })),
          })),
          next: more && last ? encodeCursor(Number(last.received_at), last.id) : null,
        };
      },
    },
  ];
}
