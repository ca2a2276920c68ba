import { z } from 'zod';
import { SEVERITIES } from '../../core/severity.js';
import type { Principal } from '../auth.js';
import { ApiError } from '../errors.js';
import { EVENTS } from '../notify/events.js';
import { notifyDb } from '../notify/schema.js';
import { sendTestDelivery } from '../notify/test-delivery.js';
import { createWebhook, deleteWebhook, listWebhooks, type WebhookView } from '../notify/webhooks.js';
import type { AnyRoute, ServerContext } from '../route.js';
import { projectByName } from './projects.js';

const word = z.string().min(1).max(100);
const Priority = z.union([word, z.partialRecord(z.enum(SEVERITIES), word)]);
const JiraAuth = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('basic'),
    user: z.string().min(1).max(300),
    token: z.string().min(1).max(2000),
  }),
  z.object({ type: z.literal('bearer'), token: z.string().min(1).max(2000) }),
]);

const NewWebhook = z
  .object({
    name: z.string().max(200).optional(),
    url: z.url({ protocol: /^https?$/ }).max(2000),
    format: z.enum(['generic', 'slack', 'jira']).default('generic'),
    events: z.array(z.enum(EVENTS)).min(1).max(EVENTS.length),
    /** Generic format: the HMAC key; the server generates one (shown once) when absent. */
    secret: z.string().min(16).max(500).optional(),
    /** Only this project's events (a project-scoped credential must name its project). */
    project: z.string().min(1).max(200).optional(),
    jira: z
      .object({
        projectKey: z.string().regex(/^[A-Z][A-Z0-9_]{0,99}$/, 'a Jira project key (ABC)'),
        issueType: word.default('Bug'),
        labels: z.array(word.regex(/^\S+$/, 'no spaces in Jira labels')).max(20).default([]),
        priority: Priority.optional(),
        auth: JiraAuth,
      })
      .optional(),
  })
  .superRefine((w, c) => {
    if (w.format === 'jira' && !w.jira)
      c.addIssue({ code: 'custom', path: ['jira'], message: 'required for the jira format' });
    if (w.format !== 'jira' && w.jira)
      c.addIssue({ code: 'custom', path: ['jira'], message: 'only for the jira format' });
    if (w.format !== 'generic' && w.secret)
      c.addIssue({ code: 'custom', path: ['secret'], message: 'only the generic format is signed' });
  });

const Counts = z.object({
  pending: z.number(),
  delivered: z.number(),
  failed: z.number(),
  cancelled: z.number(),
});

const Webhook = z.object({
  id: z.number(),
  name: z.string().nullable(),
  format: z.enum(['generic', 'slack', 'jira']),
  url: z.string().describe('scheme, host and first path segment only: the rest may be a credential'),
  events: z.array(z.enum(EVENTS)),
  project: z.string().nullable(),
  signed: z.boolean(),
  jira: z
    .object({
      projectKey: z.string(),
      issueType: z.string(),
      labels: z.array(z.string()),
      priority: Priority.optional(),
      auth: z.enum(['basic', 'bearer']),
    })
    .nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  deliveries: Counts,
});

const Delivery = z.object({
  id: z.string(),
  event: z.string(),
  subject: z.string(),
  status: z.enum(['pending', 'delivered', 'failed', 'cancelled']),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

const Id = z.object({ id: z.coerce.number().int().min(1) });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function webhookRoutes(ctx: ServerContext): AnyRoute[] {
  return [
    {
      method: 'POST',
      url: '/webhooks',
      tag: 'webhooks',
      summary:
        'Add an outgoing webhook (generic signed JSON, Slack, or Jira issues) for some events, of one project or all. Secrets are stored sealed and never shown again; a generated HMAC key is in this answer only.',
      action: 'admin',
      body: NewWebhook,
      response: z.object({
        webhook: Webhook,
        secret: z.string().optional().describe('the generated HMAC key: shown once, keep it'),
      }),
      status: 201,
      async handler({ body, principal }) {
        const projectId = await scopeOf(ctx, principal, body.project);
        const { view, generatedSecret } = await createWebhook(
          ctx.store.db,
          { ...body, projectId, jira: body.jira && { ...body.jira } },
          principal.actor,
        );
        const [webhook] = await present(ctx, [view]);
        return { webhook, ...(generatedSecret ? { secret: generatedSecret } : {}) };
      },
    },
    {
      method: 'GET',
      url: '/webhooks',
      tag: 'webhooks',
      summary: 'The webhooks the credential administers, with counts of their deliveries by state.',
      action: 'admin',
      response: z.object({ webhooks: z.array(Webhook) }),
      async handler({ principal }) {
        return { webhooks: await present(ctx, await listWebhooks(ctx.store.db, principal.projectId)) };
      },
    },
    {
      method: 'GET',
      url: '/webhooks/:id/deliveries',
      tag: 'webhooks',
      summary: 'The latest deliveries of a webhook: state, attempts, the last answer or error.',
      action: 'admin',
      params: Id,
      query: z.object({
        status: z.enum(['pending', 'delivered', 'failed', 'cancelled']).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: z.object({ deliveries: z.array(Delivery) }),
      async handler({ params, query, principal }) {
        await visibleWebhook(ctx, principal, params.id);
        let q = notifyDb(ctx.store.db)
          .selectFrom('notification_outbox')
          .selectAll()
          .where('webhook_id', '=', params.id)
          .orderBy('id', 'desc')
          .limit(query.limit);
        if (query.status) q = q.where('status', '=', query.status);
        const rows = await q.execute();
        return {
          deliveries: rows.map((r) => ({
            id: r.delivery_id,
            event: r.event,
            subject: r.subject,
            status: r.status,
            attempts: r.attempts,
            nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
            lastAttemptAt: iso(r.last_attempt_at),
            lastStatus: r.last_status,
            lastError: r.last_error,
            createdAt: iso(r.created_at)!,
            finishedAt: iso(r.finished_at),
          })),
        };
      },
    },
    {
      method: 'POST',
      url: '/webhooks/:id/test',
      tag: 'webhooks',
      summary:
        'Send a test notification (event `webhook.test`) to the webhook now, signed and formatted as its real events, and answer how it went. It is recorded among the deliveries; a Jira webhook opens an issue titled as a test.',
      action: 'admin',
      params: Id,
      response: z.object({
        delivery: z
          .string()
          .describe('the delivery id, as in the deliveries list and the X-Gatehouse-Delivery header'),
        status: z.enum(['delivered', 'failed']),
        httpStatus: z.number().nullable().describe('what the receiver answered, when it did'),
        error: z.string().nullable().describe('why it failed, the webhook’s secrets masked'),
      }),
      async handler({ params, principal }) {
        await visibleWebhook(ctx, principal, params.id);
        const hook = await notifyDb(ctx.store.db)
          .selectFrom('webhooks')
          .leftJoin('projects', 'projects.id', 'webhooks.project_id')
          .select([
            'webhooks.id',
            'webhooks.deleted_at',
            'projects.id as project_id',
            'projects.name as project_name',
          ])
          .where('webhooks.id', '=', params.id)
          .executeTakeFirstOrThrow();
        if (hook.deleted_at !== null) throw new ApiError('not_found', `no webhook ${params.id}`);
        return sendTestDelivery(
          ctx.store,
          {
            id: hook.id,
            project: hook.project_id !== null ? { id: hook.project_id, name: hook.project_name! } : null,
          },
          {
            now: Date.now(),
            timeoutMs: 10_000,
            baseUrl: ctx.baseUrl || process.env.GATEHOUSE_PUBLIC_URL || '',
          },
        );
      },
    },
    {
      method: 'DELETE',
      url: '/webhooks/:id',
      tag: 'webhooks',
      summary: 'Delete a webhook: its secrets are erased and its pending deliveries cancelled.',
      action: 'admin',
      params: Id,
      response: z.object({ deleted: z.literal(true), id: z.number() }),
      async handler({ params, principal }) {
        if (!(await deleteWebhook(ctx.store.db, params.id, principal.projectId, principal.actor)))
          throw new ApiError('not_found', `no webhook ${params.id}`);
        return { deleted: true as const, id: params.id };
      },
    },
  ];
}

/** The project a new webhook is limited to: a project-scoped credential's own, always. */
async function scopeOf(
  ctx: ServerContext,
  principal: Principal,
  project: string | undefined,
): Promise<number | null> {
  if (project) return (await projectByName(ctx, principal, project)).id;
  if (principal.projectId !== null)
    throw new ApiError(
      'forbidden',
      'a project-scoped credential creates webhooks of its project only: set "project"',
    );
  return null;
}

async function visibleWebhook(ctx: ServerContext, principal: Principal, id: number): Promise<void> {
  let q = notifyDb(ctx.store.db).selectFrom('webhooks').select('id').where('id', '=', id);
  if (principal.projectId !== null) q = q.where('project_id', '=', principal.projectId);
  if (!(await q.executeTakeFirst())) throw new ApiError('not_found', `no webhook ${id}`);
}

/** Views as answered: the project by name, and how their deliveries stand. */
async function present(ctx: ServerContext, views: WebhookView[]): Promise<z.infer<typeof Webhook>[]> {
  if (!views.length) return [];
  const db = notifyDb(ctx.store.db);
  const ids = views.map((v) => v.id);
  const projectIds = [...new Set(views.map((v) => v.projectId).filter((p): p is number => p !== null))];
  const projects = projectIds.length
    ? await db.selectFrom('projects').select(['id', 'name']).where('id', 'in', projectIds).execute()
    : [];
  const counts = await db
    .selectFrom('notification_outbox')
    .select(['webhook_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('webhook_id', 'in', ids)
    .groupBy(['webhook_id', 'status'])
    .execute();
  return views.map(({ projectId, ...v }) => {
    const deliveries = { pending: 0, delivered: 0, failed: 0, cancelled: 0 };
    for (const c of counts) if (c.webhook_id === v.id) deliveries[c.status] = Number(c.n);
    return { ...v, project: projects.find((p) => p.id === projectId)?.name ?? null, deliveries };
  });
}
