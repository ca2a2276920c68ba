import type { Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import { initial } from './001-initial.js';
import { findingList } from './002-finding-list.js';
import { webhooksMigration } from './003-webhooks.js';
import { metrics } from './004-metrics.js';
import { componentSearch } from './005-component-search.js';
import { sessionsMigration } from './006-sessions.js';
import { settingsMigration } from './007-settings.js';
import { ingestWrites } from './008-ingest-writes.js';
import { metricSnapshots } from './009-metric-snapshots.js';
import { findingSearch } from './010-finding-search.js';
import { auditTarget } from './011-audit-target.js';

export interface StoreMigration {
  /** Sorted by name: a zero-padded number, then what it does. */
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before (and shape) the typed schema
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

/** Every migration, oldest first. Forward-only: a released migration is never edited. */
export const MIGRATIONS: readonly StoreMigration[] = [
  initial,
  findingList,
  webhooksMigration,
  metrics,
  componentSearch,
  sessionsMigration,
  settingsMigration,
  ingestWrites,
  metricSnapshots,
  findingSearch,
  auditTarget,
];
