import pg from 'pg';
import { SEARCH_EXPRESSION } from '../../src/store/migrations/002-finding-list.js';

/**
 * Seeds a Gatehouse PostgreSQL database (already migrated) with `projects` projects and `findings`
 * findings spread over them, a year of history, realistic status and severity mixes, triage
 * events for the noise metric, scans with gate verdicts and scanner runs for the gate and
 * coverage metrics. All in SQL (generate_series): 5,000,000 findings take a few minutes.
 */
export async function seedFindings(
  url: string,
  projects: number,
  findings: number,
  log: (m: string) => void,
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const now = Date.now();
  const day = 86_400_000;
  const q = async (label: string, text: string) => {
    const t0 = performance.now();
    await client.query(text);
    log(`seed: ${label} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  try {
    await q(
      'projects',
      `INSERT INTO projects (name, repository, default_branch, tier, team_id, created_at)
      SELECT 'proj-' || g, 'https://git.example.com/proj-' || g, 'main', (ARRAY['critical','high','medium','low'])[1 + g % 4], NULL, ${now - 400 * day}
      FROM generate_series(1::bigint, ${projects}) g`,
    );
    await q(
      'scans',
      `INSERT INTO scans (project_id, digest, branch, commit_sha, repository, pipeline_id, stage, complete, source, tool_version,
        started_at, finished_at, received_at, gate_verdict, policy_version, findings_count, new_count, reopened_count, fixed_count, uploaded_by)
      SELECT 1 + g % ${projects}, md5('scan' || g), 'main', md5(g::text), NULL, 'p' || g, (ARRAY['build','test','deploy'])[1 + g % 3], 1, 'gatehouse', 'seed',
        ${now} - (g % 365) * ${day}, ${now} - (g % 365) * ${day}, ${now} - (g % 365) * ${day},
        (ARRAY['pass','pass','pass','warn','fail'])[1 + g % 5], 'v' || (1 + g % 3), 100, 3, 0, 2, 'token:seed'
      FROM generate_series(1::bigint, ${projects * 30}) g`,
    );
    await q(
      'scan scanners',
      `INSERT INTO scan_scanners (scan_id, scanner, status, findings)
      SELECT s.id, sc, 'ok', 10 FROM scans s CROSS JOIN unnest(ARRAY['secrets','sca','iac','sast']) sc WHERE (s.id + length(sc)) % 3 <> 0`,
    );
    await q(
      `${findings} findings`,
      `INSERT INTO findings (project_id, fingerprint, scanner, rule_id, title, message, severity, severity_rank, confidence,
        status, path, start_line, advisory_id, package_purl, data, first_seen_at, first_scan_id, fixed_at, closed_at,
        reopened_count, sla_due_at, exception_id, updated_at)
      SELECT 1 + g % ${projects}, md5(g::text), sc, sc || '/rule-' || (g % 97), 'Finding title ' || (g % 97), 'Message for finding ' || g,
        (ARRAY['critical','high','medium','low','info'])[1 + sev], 4 - sev, 'high',
        st, 'src/module-' || (g % 500) || '/file-' || (g % 37) || '.ts', 1 + g % 400,
        CASE WHEN sc = 'sca' THEN 'GHSA-' || (g % 5000) ELSE NULL END, NULL, '{}',
        fs, 1 + g % ${projects},
        CASE WHEN st = 'fixed' THEN fs + (1 + g % 60) * ${day} ELSE NULL END,
        CASE WHEN st IN ('closed','false_positive') THEN fs + (1 + g % 20) * ${day} ELSE NULL END,
        0, fs + (ARRAY[7,30,90,180,365]::bigint[])[1 + sev] * ${day}, NULL, fs
      FROM (SELECT g, (ARRAY['secrets','sca','iac','sast'])[1 + g % 4] sc, (g / 7) % 5 sev,
              (ARRAY['open','open','open','open','open','open','confirmed','in_progress','fixed','fixed','fixed','fixed','false_positive','risk_accepted','closed'])[1 + (g / 3) % 15] st,
              ${now} - (g % 365) * ${day} - (g % 86400) * 1000 fs
            FROM generate_series(1::bigint, ${findings}) g) x`,
    );
    // What the index-search job would do for the findings the insert left pending (migration 010);
    // the trigram index is built once over the whole table, far faster than row by row.
    await q(
      'text search rows',
      `DROP INDEX IF EXISTS finding_search_text;
      TRUNCATE finding_search;
      INSERT INTO finding_search (finding_id, search_text) SELECT id, ${SEARCH_EXPRESSION} FROM findings;
      CREATE INDEX finding_search_text ON finding_search USING gin (search_text gin_trgm_ops)
        WHERE search_text IS NOT NULL`,
    );
    await q(
      'triage events',
      `INSERT INTO finding_events (finding_id, at, actor, kind, from_status, to_status, comment, scan_id)
      SELECT id, COALESCE(closed_at, fixed_at, updated_at), 'seed', 'status', 'open', status, 'seeded triage', NULL
      FROM findings WHERE status IN ('false_positive', 'confirmed', 'closed', 'in_progress')`,
    );
    // What autovacuum does after a bulk load (it is off on some test servers): statistics, and the
    // visibility map that lets index-only scans skip the table.
    await q('vacuum analyze', 'VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}
