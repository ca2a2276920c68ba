import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { z } from 'zod';
import { ingestScan, uploadedBefore } from '../../store/ingest.js';
import type { ScanContext, ScanUpload } from '../../store/upload.js';
import { type Principal, requireProject } from '../auth.js';
import { ApiError } from '../errors.js';
import { IngestQueue, ingestConcurrency } from '../ingest-queue.js';
import type { AnyRoute, ServerContext } from '../route.js';
import { UploadError } from '../upload/errors.js';
import { readUpload, uploadDigest } from '../upload/read.js';

const inflate = promisify(gunzip);

const name = z.string().min(1).max(200);
const uploadQuery = z.object({
  project: name.regex(/^[\w.@/-]+$/, 'letters, digits and . _ - / @ only'),
  branch: z.string().max(300).optional(),
  commit: z.string().max(100).optional(),
  repository: z.string().max(500).optional(),
  pipeline: z.string().max(300).optional(),
  stage: z.string().max(100).optional(),
  complete: z.enum(['true', 'false']).optional(),
});

export const ScanSummary = z.object({
  id: z.number(),
  project: z.string(),
  url: z.string(),
  duplicate: z.boolean(),
  findings: z.number(),
  new: z.number(),
  reopened: z.number(),
  fixed: z.number(),
});

/** The body as sent, inflated when gzip-encoded; an inflation past the limit is refused (gzip bombs). */
async function bodyBytes(raw: unknown, encoding: string | undefined, ctx: ServerContext): Promise<Buffer> {
  if (!Buffer.isBuffer(raw) || raw.length === 0)
    throw new ApiError('bad_request', 'the request has no body: send the report');
  if (!encoding || encoding === 'identity') return raw;
  if (encoding !== 'gzip')
    throw new ApiError('unsupported_format', `Content-Encoding ${encoding} is not supported (use gzip)`);
  try {
    return await inflate(raw, { maxOutputLength: ctx.limits.uploadInflatedBytes });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ApiError(
        'payload_too_large',
        `the report inflates past ${ctx.limits.uploadInflatedBytes} bytes`,
      );
    throw new ApiError('bad_request', `the gzip body is corrupt: ${(e as Error).message}`);
  }
}

/** The project uploaded to, if it exists; refuses a token scoped to another project. */
async function uploadTarget(
  ctx: ServerContext,
  principal: Principal,
  name: string,
): Promise<number | undefined> {
  const project = await ctx.store.db
    .selectFrom('projects')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirst();
  if (project) requireProject(principal, project.id);
  else if (principal.projectId !== null)
    throw new ApiError('forbidden', 'this token may only upload to its own project');
  return project?.id;
}

function read(bytes: Buffer, query: z.infer<typeof uploadQuery>, digest: string): ScanUpload {
  const context: ScanContext = {
    project: query.project,
    branch: query.branch || 'main',
    commit: query.commit,
    repository: query.repository,
    pipelineId: query.pipeline,
    stage: query.stage,
  };
  try {
    return readUpload(bytes, context, { complete: query.complete !== 'false', digest });
  } catch (e) {
    if (e instanceof UploadError) throw new ApiError(e.code, e.message);
    throw e;
  }
}

export function scanRoutes(ctx: ServerContext): AnyRoute[] {
  const queue = new IngestQueue(ctx.ingestConcurrency ?? ingestConcurrency(ctx.store.dialect));
  return [
    {
      method: 'POST',
      url: '/scans',
      tag: 'scans',
      summary:
        'Upload a scan: a Gatehouse JSON report, SARIF 2.1.0 from any tool, or a CycloneDX / SPDX SBOM (gzip accepted). The same report twice is one scan.',
      action: 'upload',
      query: uploadQuery,
      rawBody: {
        contentTypes: [
          'application/json',
          'application/sarif+json',
          'application/vnd.cyclonedx+json',
          'application/spdx+json',
        ],
        description: 'the report; Content-Encoding: gzip accepted',
      },
      response: z.object({ scan: ScanSummary }),
      status: 201,
      async handler({ query, body, principal, req, reply }) {
        const projectId = await uploadTarget(ctx, principal, query.project);
        const bytes = await bodyBytes(body, req.headers['content-encoding'], ctx);
        const digest = uploadDigest(bytes);
        // A retry of an upload that made it is answered from its digest, without reading it again.
        const before = projectId !== undefined && (await uploadedBefore(ctx.store.db, projectId, digest));
        let r = before || undefined;
        if (!r) {
          // Read (and refused when malformed) before queueing: a bad upload waits for nobody.
          const upload = read(bytes, query, digest);
          r = await queue.run(query.project, () => ingestScan(ctx.store, upload, principal.actor));
        }
        if (r.duplicate) reply.code(200);
        return {
          scan: {
            id: r.scanId,
            project: query.project,
            url: `${ctx.baseUrl || `${req.protocol}://${req.host}`}/scans/${r.scanId}`,
            duplicate: r.duplicate,
            findings: r.findings,
            new: r.new,
            reopened: r.reopened,
            fixed: r.fixed,
          },
        };
      },
    },
  ];
}
