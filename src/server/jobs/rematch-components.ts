import type { Kysely } from 'kysely';
import { enrich } from '../../core/enrich.js';
import type { Finding } from '../../core/finding.js';
import { ECOSYSTEMS, type Ecosystem, type Package } from '../../core/package.js';
import { purlFor } from '../../scanners/sca/lockfiles/purl.js';
import { VULNERABLE_DEPENDENCY } from '../../scanners/sca/rules.js';
import { vulnerabilityDrafts } from '../../scanners/sca/vulnerabilities.js';
import { recordAudit } from '../../store/audit.js';
import { type ComponentRow, purlBase } from '../../store/components.js';
import type { Store } from '../../store/connect.js';
import type { ExceptionRow } from '../../store/exception-match.js';
import { type IngestContext, upsertFindings } from '../../store/ingest-findings.js';
import { lockProject } from '../../store/project-lock.js';
import type { Tables } from '../../store/schema.js';
import { slaPolicyFor } from '../../store/sla.js';
import { vulnDbPath } from '../../vulndb/paths.js';
import { VulnStore } from '../../vulndb/store.js';

/**
 * When the vulnerability database changes, every stored SBOM component is matched against it
 * again, and vulnerabilities found since the upload become findings: the same rule, severity
 * and fingerprint the CLI's SCA scanner gives, so a later upload of the project's scan
 * recognises them instead of duplicating them. Runs only when the database's import stamp moved.
 */

/** The table of migration 007. */
type JobTables = { job_state: { name: string; value: string; updated_at: number } };
const STAMP_KEY = 'rematch-components.vulndb';

/**
 * A component's lockfile is not kept with it: a finding points at the lockfile of the CLI's
 * finding for the same package when the project has one (so the fingerprints agree), else here.
 */
export const SBOM_PATH = 'sbom';

const KNOWN = new Set<string>(ECOSYSTEMS);

export interface RematchOptions {
  /** An open database (tests); otherwise the file at `vulndbPath`, default the CLI's cache. */
  vulndb?: VulnStore;
  vulndbPath?: string;
  now?: number;
}

export interface RematchResult {
  /** True when the database was empty or unchanged since the last run. */
  skipped: boolean;
  projects: number;
  components: number;
  created: number;
}

export async function rematchComponents(store: Store, opts: RematchOptions = {}): Promise<RematchResult> {
  const vulndb = opts.vulndb ?? VulnStore.open(opts.vulndbPath ?? vulnDbPath(), { readonly: true });
  try {
    const result: RematchResult = { skipped: true, projects: 0, components: 0, created: 0 };
    const status = vulndb.status();
    if (!status.length) return result;
    const stamp = JSON.stringify(
      status.map((s) => [s.ecosystem, s.advisories, s.newestModified, s.importedAt, s.origin]),
    );
    const jobs = store.db.withTables<JobTables>();
    const last = await jobs
      .selectFrom('job_state')
      .select('value')
      .where('name', '=', STAMP_KEY)
      .executeTakeFirst();
    if (last?.value === stamp) return result;
    const now = opts.now ?? Date.now();
    const exceptions = await store.db
      .selectFrom('exceptions')
      .selectAll()
      .where('status', '=', 'approved')
      .execute();
    const projects = await store.db
      .selectFrom('components')
      .select('project_id')
      .distinct()
      .orderBy('project_id')
      .execute();
    for (const { project_id } of projects) {
      const r = await store.db
        .transaction()
        .execute((trx) => rematchProject(store, trx, project_id, { vulndb, exceptions, now }));
      result.components += r.components;
      result.created += r.created;
      result.projects++;
    }
    // Written last: a run that fails part-way is redone whole next time (it creates nothing twice).
    await jobs
      .insertInto('job_state')
      .values({ name: STAMP_KEY, value: stamp, updated_at: now })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: stamp, updated_at: now }))
      .execute();
    return { ...result, skipped: false };
  } finally {
    if (!opts.vulndb) vulndb.close();
  }
}

interface RunContext {
  vulndb: VulnStore;
  exceptions: readonly ExceptionRow[];
  now: number;
}

/** What the project already tracks: fingerprints, (package, advisory) pairs, and lockfile paths by package. */
async function knownFindings(trx: Kysely<Tables>, projectId: number) {
  const rows = await trx
    .selectFrom('findings')
    .select(['fingerprint', 'scanner', 'path', 'package_purl', 'advisory_id'])
    .where('project_id', '=', projectId)
    .where('package_purl', 'is not', null)
    .orderBy('id')
    .execute();
  const pairs = new Set<string>();
  const paths = new Map<string, string>();
  for (const r of rows) {
    const base = purlBase(r.package_purl!);
    if (r.advisory_id) pairs.add(`${base}\0${r.advisory_id}`);
    if (r.scanner === 'sca' && !paths.has(base)) paths.set(base, r.path);
  }
  return { pairs, paths };
}

async function rematchProject(store: Store, trx: Kysely<Tables>, projectId: number, run: RunContext) {
  await lockProject(trx, store.dialect, projectId);
  const project = await trx
    .selectFrom('projects')
    .select(['tier', 'team_id'])
    .where('id', '=', projectId)
    .executeTakeFirstOrThrow();
  const components = await trx
    .selectFrom('components')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('branch')
    .orderBy('id')
    .execute();
  const known = await knownFindings(trx, projectId);
  const sla = await slaPolicyFor(trx, store.dialect, project.tier);
  const candidates = new Map<string, { branch: string; scanId: number; findings: Finding[] }>();
  for (const [branch, rows] of byBranch(components)) {
    const packages = rows.flatMap((c) => toPackage(c, known.paths) ?? []);
    const findings = vulnerabilityDrafts(packages, run.vulndb)
      .map((d) => enrich(d, VULNERABLE_DEPENDENCY))
      .filter((f) => !alreadyTracked(f, known.pairs));
    candidates.set(branch, { branch, scanId: rows.reduce((m, c) => Math.max(m, c.scan_id), 0), findings });
  }
  const fresh = await untracked(
    trx,
    projectId,
    [...candidates.values()].flatMap((c) => c.findings.map((f) => f.fingerprint)),
  );
  let created = 0;
  for (const c of candidates.values()) {
    const findings = c.findings.filter((f) => fresh.has(f.fingerprint));
    if (!findings.length) continue;
    const ctx: IngestContext = {
      dialect: store.dialect,
      projectId,
      teamId: project.team_id,
      scanId: c.scanId,
      branch: c.branch,
      now: run.now,
      sla: sla.days,
      restartOnReopen: sla.restartOnReopen,
      exceptions: run.exceptions,
      actor: 'gatehouse',
    };
    // A finding new to the project is created on its first branch and only marked present on the next.
    created += (await upsertFindings(trx, ctx, findings)).new;
  }
  if (created)
    await recordAudit(
      trx,
      {
        actor: 'gatehouse',
        action: 'components.rematch',
        targetType: 'project',
        targetId: String(projectId),
        projectId,
        detail: { created },
      },
      run.now,
    );
  return { components: components.length, created };
}

function byBranch(rows: readonly ComponentRow[]): Map<string, ComponentRow[]> {
  const out = new Map<string, ComponentRow[]>();
  for (const r of rows) {
    const list = out.get(r.branch);
    if (list) list.push(r);
    else out.set(r.branch, [r]);
  }
  return out;
}

/** The package as the SCA scanner sees it; the purl built the way its lockfile parsers build it. */
function toPackage(c: ComponentRow, paths: ReadonlyMap<string, string>): Package | undefined {
  if (!KNOWN.has(c.ecosystem) || !c.version) return undefined;
  const ecosystem = c.ecosystem as Ecosystem;
  let purl: string;
  try {
    purl = purlFor(ecosystem, c.name, c.version);
  } catch {
    if (!c.purl) return undefined;
    purl = c.purl;
  }
  const path = paths.get(purlBase(purl)) ?? (c.purl ? paths.get(purlBase(c.purl)) : undefined) ?? SBOM_PATH;
  return {
    ecosystem,
    name: c.name,
    version: c.version,
    resolved: true,
    purl,
    source: { path },
    key: `${c.name}@${c.version}`,
  };
}

/** The project already has this vulnerability of this package, under whichever of its ids. */
function alreadyTracked(f: Finding, pairs: ReadonlySet<string>): boolean {
  const v = f.vulnerability;
  if (!v?.package.purl) return false;
  const base = purlBase(v.package.purl);
  return [v.id, ...v.aliases].some((id) => pairs.has(`${base}\0${id}`));
}

/** Fingerprints the project has no finding for yet (any scanner, any status). */
async function untracked(
  trx: Kysely<Tables>,
  projectId: number,
  fingerprints: string[],
): Promise<Set<string>> {
  const wanted = new Set(fingerprints);
  const all = [...wanted];
  for (let i = 0; i < all.length; i += 1000) {
    const rows = await trx
      .selectFrom('findings')
      .select('fingerprint')
      .where('project_id', '=', projectId)
      .where('fingerprint', 'in', all.slice(i, i + 1000))
      .execute();
    for (const r of rows) wanted.delete(r.fingerprint);
  }
  return wanted;
}
