import type { paths } from '../api/openapi';

/** The findings API's shapes, as the server's OpenAPI document declares them. */

export type FindingsQuery = NonNullable<paths['/api/v1/findings']['get']['parameters']['query']>;
type FindingsPage = paths['/api/v1/findings']['get']['responses'][200]['content']['application/json'];
export type FindingSummary = FindingsPage['findings'][number];
export type FindingDetail =
  paths['/api/v1/findings/{id}']['get']['responses'][200]['content']['application/json'];
export type FindingFull = FindingDetail['finding'];
export type HistoryEvent = FindingDetail['history'][number];
export type TraceStep = NonNullable<FindingFull['trace']>[number];
export type Vulnerability = NonNullable<FindingFull['vulnerability']>;
export type SortKey = NonNullable<FindingsQuery['sort']>;
export type SortOrder = NonNullable<FindingsQuery['order']>;
