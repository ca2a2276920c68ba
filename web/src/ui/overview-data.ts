import type { paths } from '../api/openapi';

/** The answer of a GET operation of the API, as the OpenAPI document types it. */
export type Answer<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer A } } } };
}
  ? A
  : never;

export type SlaAnswer = Answer<'/api/v1/metrics/sla'>;
export type OpenAnswer = Answer<'/api/v1/metrics/open'>;
export type TrendsAnswer = Answer<'/api/v1/metrics/trends'>;
export type CoverageAnswer = Answer<'/api/v1/metrics/coverage'>;
export type SecretsAnswer = Answer<'/api/v1/metrics/secrets'>;
export type NoiseAnswer = Answer<'/api/v1/metrics/noise'>;
export type RankingAnswer = Answer<'/api/v1/metrics/projects'>;

export interface FindingsFilter {
  project?: string;
  severity?: string;
  scanner?: string;
  rule?: string;
  sla?: 'overdue' | 'due_soon';
  /** Default: the open statuses (what every "open" number counts). */
  status?: readonly string[];
  /** A UTC date, YYYY-MM-DD: the day's first instant. */
  firstSeenFrom?: string;
}

/**
 * The findings page filtered to exactly what a number counts. Its parameters are the API's own
 * (`GET /api/v1/findings`) in the findings page's short form: no `status` means the open ones.
 */
export function findingsUrl(f: FindingsFilter): string {
  const q = new URLSearchParams();
  for (const key of ['project', 'severity', 'scanner', 'rule', 'sla', 'firstSeenFrom'] as const) {
    const v = f[key];
    if (v !== undefined) q.set(key, v);
  }
  if (f.status) q.set('status', f.status.join(','));
  return `/findings?${q}`;
}

export const projectUrl = (name: string) => `/projects/${encodeURIComponent(name)}`;

/** API percentages are 0–100 with one decimal; the formatter takes a ratio. */
export const ratio = (percent: number | null | undefined): number | null =>
  percent === null || percent === undefined ? null : percent / 100;
