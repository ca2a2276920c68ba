import { setImmediate } from 'node:timers/promises';
import type { Store } from '../store/connect.js';
import { approveException, rejectException, requestException } from '../store/exceptions.js';
import { ingestScan } from '../store/ingest.js';
import { updateProject } from '../store/project-settings.js';
import { createTeam } from '../store/teams.js';
import { triage } from '../store/triage.js';
import type { HistoryEvent } from './demo-plan.js';
import { SYNTHETIC_PROJECTS } from './demo-projects.js';

/** Who the audit log says wrote the generated history. */
export const HISTORY_ACTOR = 'demo-history';

export interface HistoryCounts {
  projects: number;
  scans: number;
  triaged: number;
  exceptions: number;
}

/** Whether the store holds the generated history already (a second run on the same home). */
export async function hasHistory(store: Store): Promise<boolean> {
  const names = SYNTHETIC_PROJECTS.map((p) => p.name);
  const row = await store.db
    .selectFrom('projects')
    .select('id')
    .where('name', 'in', names)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Writes the planned history through the store's own functions, event by event in time order: the
 * same ingest, triage and exception code the API runs, so every number the server derives from it
 * is consistent with what real uploads produce.
 */
export async function writeHistory(
  store: Store,
  events: readonly HistoryEvent[],
  signal?: AbortSignal,
): Promise<HistoryCounts> {
  const writer = new HistoryWriter(store);
  for (const e of events) {
    // SQLite answers synchronously: without a turn of the event loop now and then, Ctrl-C would
    // only be seen once the whole history is written.
    await setImmediate();
    signal?.throwIfAborted();
    await writer.apply(e);
  }
  return writer.counts;
}

class HistoryWriter {
  readonly counts: HistoryCounts = { projects: 0, scans: 0, triaged: 0, exceptions: 0 };
  private readonly teams = new Map<string, number>();
  private readonly projects = new Map<string, number>();
  private readonly exceptions = new Map<string, number>();

  constructor(private readonly store: Store) {}

  async apply(e: HistoryEvent): Promise<void> {
    if (e.kind === 'scan') await this.scan(e);
    else if (e.kind === 'triage') await this.triage(e);
    else if (e.kind === 'exception') await this.request(e);
    else await this.decide(e);
  }

  private async scan(e: Extract<HistoryEvent, { kind: 'scan' }>): Promise<void> {
    const r = await ingestScan(this.store, e.upload, HISTORY_ACTOR, e.at);
    this.counts.scans++;
    const name = e.upload.context.project;
    if (this.projects.has(name)) return;
    this.projects.set(name, r.projectId);
    this.counts.projects++;
    // Set as a person would after the first upload created the project.
    const spec = SYNTHETIC_PROJECTS.find((p) => p.name === name)!;
    const teamId = await this.team(spec.team, e.at);
    await updateProject(this.store, r.projectId, { tier: spec.tier, teamId }, HISTORY_ACTOR, e.at);
  }

  private async team(name: string, at: number): Promise<number> {
    const known = this.teams.get(name);
    if (known !== undefined) return known;
    const { id } = await createTeam(this.store, name, HISTORY_ACTOR, at);
    this.teams.set(name, id);
    return id;
  }

  private async triage(e: Extract<HistoryEvent, { kind: 'triage' }>): Promise<void> {
    const id = await this.findingId(e.project, e.fingerprint);
    await triage(this.store, {
      ids: [id],
      status: e.status,
      comment: e.comment,
      actor: e.actor,
      projectId: null,
      now: e.at,
    });
    this.counts.triaged++;
  }

  private async request(e: Extract<HistoryEvent, { kind: 'exception' }>): Promise<void> {
    const row = await requestException(this.store, {
      kind: 'fingerprint',
      project_id: this.projects.get(e.project)!,
      team_id: null,
      fingerprint: e.fingerprint,
      rule_id: null,
      path_glob: null,
      advisory_id: null,
      package_name: null,
      reason: e.reason,
      requested_by: e.actor,
      requested_at: e.at,
      expires_at: e.expiresAt,
    });
    this.exceptions.set(e.key, row.id);
    this.counts.exceptions++;
  }

  private async decide(e: Extract<HistoryEvent, { kind: 'decision' }>): Promise<void> {
    const id = this.exceptions.get(e.key)!;
    const decision = { actor: e.actor, comment: e.comment, now: e.at };
    const r = e.approve
      ? await approveException(this.store, id, decision)
      : await rejectException(this.store, id, decision);
    if (!r.ok) throw new Error(`demo history: exception ${e.key} is ${r.status}, not pending`);
  }

  private async findingId(project: string, fingerprint: string): Promise<number> {
    const row = await this.store.db
      .selectFrom('findings')
      .select('id')
      .where('project_id', '=', this.projects.get(project)!)
      .where('fingerprint', '=', fingerprint)
      .executeTakeFirstOrThrow();
    return row.id;
  }
}
