import { z } from 'zod';
import { ECOSYSTEMS } from '../../core/package.js';
import { searchComponents } from '../../store/components.js';
import { ApiError } from '../errors.js';
import type { AnyRoute, ServerContext } from '../route.js';
import { parseRange, satisfies, type VersionRange, VersionRangeError } from '../version-range.js';
import { projectByName } from './projects.js';

const Component = z.object({
  ecosystem: z.string(),
  name: z.string(),
  version: z.string(),
  purl: z.string().nullable(),
  licenses: z.string().nullable().describe('as the SBOM declared them'),
});

const Group = z.object({
  project: z.string(),
  branch: z.string(),
  scanId: z.number().describe('the scan whose SBOM listed these components'),
  components: z.array(Component),
});

const BY_LOWER = new Map<string, string>(ECOSYSTEMS.map((e) => [e.toLowerCase(), e]));

/** The cursor is opaque to clients: the last group's project id and branch. */
const encodeCursor = (projectId: number, branch: string) =>
  Buffer.from(JSON.stringify([projectId, branch])).toString('base64url');

function decodeCursor(text: string): { projectId: number; branch: string } {
  try {
    const [projectId, branch] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Number.isInteger(projectId) && typeof branch === 'string') return { projectId, branch };
  } catch {
    // answered below
  }
  throw new ApiError(
    'bad_request',
    'query.after: not a cursor this API gave (use the previous answer’s next)',
  );
}

function readRange(text: string | undefined): VersionRange | undefined {
  if (text === undefined) return undefined;
  try {
    return parseRange(text.trim());
  } catch (e) {
    if (e instanceof VersionRangeError) throw new ApiError('bad_request', `query.version: ${e.message}`);
    throw e;
  }
}

export function componentRoutes(ctx: ServerContext): AnyRoute[] {
  return [
    {
      method: 'GET',
      url: '/components',
      tag: 'components',
      summary:
        'SBOM portfolio search: which projects and branches ship a component, by name (exact or prefix, with each ecosystem’s name rules; `log4j-core` also finds Maven `group:log4j-core`), by purl (with a version: that version; without: all), and a version range (`<2.17.0`, `>=2.0.0 <2.17.1`, `^1.2`, `~> 2.2`, `1.x || 2.x`) in the ecosystem’s own version order. Give name, purl or project.',
      action: 'read',
      query: z.object({
        name: z.string().trim().min(1).max(300).optional(),
        match: z.enum(['exact', 'prefix']).default('exact').describe('how name compares'),
        purl: z.string().trim().min(5).max(1000).optional(),
        ecosystem: z
          .string()
          .min(1)
          .max(50)
          .optional()
          .describe('OSV ecosystem name (npm, PyPI, Maven, Go, …)'),
        version: z.string().min(1).max(500).optional(),
        project: z.string().min(1).max(200).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50).describe('project/branch groups per page'),
        after: z.string().max(2000).optional(),
      }),
      response: z.object({ results: z.array(Group), next: z.string().nullable() }),
      async handler({ query, principal }) {
        if (!query.name && !query.purl && !query.project)
          throw new ApiError('bad_request', 'give name, purl or project: the search runs on their indexes');
        const range = readRange(query.version);
        const projectId = query.project
          ? (await projectByName(ctx, principal, query.project)).id
          : (principal.projectId ?? undefined);
        const { groups, more } = await searchComponents(ctx.store, {
          name: query.name,
          prefix: query.match === 'prefix',
          purl: query.purl,
          ecosystem: query.ecosystem && (BY_LOWER.get(query.ecosystem.toLowerCase()) ?? query.ecosystem),
          projectId,
          keep: range && ((c) => satisfies(range, c.ecosystem, c.version)),
          after: query.after ? decodeCursor(query.after) : undefined,
          limit: query.limit,
        });
        const last = groups.at(-1);
        return {
          results: groups.map((g) => ({
            project: g.project,
            branch: g.branch,
            scanId: g.scanId,
            components: g.components.map((c) => ({
              ecosystem: c.ecosystem,
              name: c.name,
              version: c.version,
              purl: c.purl,
              licenses: c.licenses,
            })),
          })),
          next: more && last ? encodeCursor(last.projectId, last.branch) : null,
        };
      },
    },
  ];
}
