import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { toolVersion } from '../core/version.js';
import { type AnyRoute, API_PREFIX } from './route.js';

type JsonSchema = { properties?: Record<string, unknown>; required?: string[] } & Record<string, unknown>;

/** JSON Schema 2020-12, the dialect of OpenAPI 3.1. */
function jsonSchema(s: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

function parameters(s: z.ZodType | undefined, where: 'query' | 'path') {
  if (!s) return [];
  const js = jsonSchema(s, 'input');
  return Object.entries(js.properties ?? {}).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema,
  }));
}

const ERROR = {
  description: 'An error: a stable code and a message',
  content: {
    'application/json': {
      schema: jsonSchema(
        z.object({
          error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
        }),
        'output',
      ),
    },
  },
};

function operation(r: AnyRoute) {
  const body = r.rawBody
    ? {
        required: true,
        description: r.rawBody.description,
        content: Object.fromEntries(r.rawBody.contentTypes.map((t) => [t, { schema: {} }])),
      }
    : r.body
      ? { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } }
      : undefined;
  return {
    summary: r.summary,
    tags: [r.tag],
    security: r.action === 'public' ? [] : [{ bearer: [] }, { session: [] }],
    'x-gatehouse-permission': r.action,
    parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
    ...(body ? { requestBody: body } : {}),
    responses: {
      [String(r.status ?? 200)]: {
        description: 'Success',
        content: { 'application/json': { schema: jsonSchema(r.response, 'output') } },
      },
      default: ERROR,
    },
  };
}

/** The OpenAPI 3.1 document, generated from the same schemas that validate requests. */
export function openApiDocument(routes: readonly AnyRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = API_PREFIX + r.url.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = operation(r);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Gatehouse API',
      version: toolVersion(),
      description: 'Scans, findings, exceptions, metrics and SBOMs of the Gatehouse server.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'gatehouse admin token create' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'gatehouse_session',
          description:
            'The dashboard’s session (POST /api/v1/session). Unsafe methods also need the X-CSRF-Token header the session answer carries, and a same-origin Origin.',
        },
      },
    },
    paths,
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A readable page of the same document, for people: no external scripts, works offline. */
function docsPage(doc: ReturnType<typeof openApiDocument>): string {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const o = op as ReturnType<typeof operation>;
      const params = o.parameters
        .map((p) => `<li><code>${escapeHtml(p.name)}</code> (${p.in}${p.required ? ', required' : ''})</li>`)
        .join('');
      return `<section><h2><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h2><p>${escapeHtml(o.summary)}</p><p>Permission: <code>${escapeHtml(String(o['x-gatehouse-permission']))}</code></p>${params ? `<ul>${params}</ul>` : ''}<details><summary>Schemas</summary><pre>${escapeHtml(JSON.stringify({ requestBody: o.requestBody, responses: o.responses }, null, 2))}</pre></details></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Gatehouse API</title><style>body{font:15px system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{background:#f4f4f4;padding:.5rem;overflow:auto}section{border-top:1px solid #ddd}</style></head><body><h1>Gatehouse API ${escapeHtml(doc.info.version)}</h1><p>Machine-readable: <a href="${API_PREFIX}/openapi.json">openapi.json</a> (OpenAPI 3.1). Authenticate with <code>Authorization: Bearer &lt;token&gt;</code>.</p>${ops.join('')}</body></html>`;
}

export function openApiRoutes(app: FastifyInstance, routes: readonly AnyRoute[]): void {
  const doc = openApiDocument(routes);
  const page = docsPage(doc);
  app.get(`${API_PREFIX}/openapi.json`, async () => doc);
  app.get(`${API_PREFIX}/docs`, async (_req, reply) => reply.type('text/html; charset=utf-8').send(page));
}
