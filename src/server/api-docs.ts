import { openApiDocument } from './openapi.js';
import type { AnyRoute, ServerContext } from './route.js';
import { apiRoutes } from './routes/index.js';

type Op = {
  summary: string;
  'x-gatehouse-permission': string;
  parameters: { name: string; in: string; required: boolean }[];
};

/** The routes as the server mounts them; the context is only read when a request is handled. */
export function documentedRoutes(): AnyRoute[] {
  const store = { db: {}, dialect: 'sqlite', location: '' };
  return apiRoutes({
    store,
    baseUrl: '',
    limits: { uploadBytes: 0, uploadInflatedBytes: 0 },
  } as unknown as ServerContext);
}

/** docs/api-reference.md: every operation of the OpenAPI document, for people. */
export function apiReference(routes: readonly AnyRoute[] = documentedRoutes()): string {
  const doc = openApiDocument(routes);
  const lines = [
    '# API reference',
    '',
    '<!-- Generated from the route definitions by `npm run docs:api`; do not edit. -->',
    '',
    `Every operation of \`/api/v1\` (OpenAPI ${doc.openapi}: \`GET /api/v1/openapi.json\`, browsable at \`/api/v1/docs\`).`,
    'Conventions (authentication, errors, paging) are in [api.md](api.md).',
    '',
    '| operation | permission | what it does | parameters |',
    '|---|---|---|---|',
  ];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as Op;
      const params = op.parameters.map((p) => `\`${p.name}\`${p.required ? ' (required)' : ''}`).join(', ');
      lines.push(
        `| \`${method.toUpperCase()} ${path}\` | ${op['x-gatehouse-permission']} | ${op.summary.replace(/\|/g, '\\|')} | ${params || '—'} |`,
      );
    }
  return `${lines.join('\n')}\n`;
}
