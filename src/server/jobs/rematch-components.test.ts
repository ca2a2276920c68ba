import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTree } from '../../../test/tmp.js';
import { fingerprint } from '../../core/fingerprint.js';
import { ingestScan } from '../../store/ingest.js';
import { testFinding, testUpload } from '../../store/test-upload.js';
import { backends, type TestStore } from '../../store/testing.js';
import type { UploadedComponent } from '../../store/upload.js';
import { importAdvisories } from '../../vulndb/import.js';
import { VulnStore } from '../../vulndb/store.js';
import { rematchComponents, SBOM_PATH } from './rematch-components.js';

const RULE = 'sca/vulnerable-dependency';
const CRITICAL = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H';

const advisory = (
  id: string,
  alias: string,
  ecosystem: string,
  name: string,
  fixed: string,
  modified: string,
) =>
  JSON.stringify({
    id,
    modified,
    aliases: [alias],
    summary: `${name} is vulnerable`,
    severity: [{ type: 'CVSS_V3', score: CRITICAL }],
    affected: [
      {
        package: { ecosystem, name },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }],
      },
    ],
  });

const LOG4J = advisory(
  'GHSA-jfh8-c2jp-5v3q',
  'CVE-2021-44228',
  'Maven',
  'org.apache.logging.log4j:log4j-core',
  '2.15.0',
  '2021-12-10T00:00:00Z',
);
const LODASH = advisory(
  'GHSA-35jh-r3h4-6jhm',
  'CVE-2021-23337',
  'npm',
  'lodash',
  '4.17.21',
  '2021-02-15T00:00:00Z',
);
const LODASH_OLD = advisory(
  'GHSA-p6mc-m468-83gw',
  'CVE-2020-8203',
  'npm',
  'lodash',
  '4.17.19',
  '2020-07-15T00:00:00Z',
);

const log4j = (version: string): UploadedComponent => ({
  ecosystem: 'Maven',
  name: 'org.apache.logging.log4j:log4j-core',
  version,
  purl: `pkg:maven/org.apache.logging.log4j/log4j-core@${version}`,
});
const lodash = (version: string): UploadedComponent => ({
  ecosystem: 'npm',
  name: 'lodash',
  version,
  purl: `pkg:npm/lodash@${version}`,
});

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`rematch-components on ${backend.name}`, () => {
    let store: TestStore;
    let vulndb: VulnStore;
    let tree: ReturnType<typeof makeTree>;
    beforeAll(async () => {
      store = await backend.open();
      tree = makeTree({
        'first/log4j.json': LOG4J,
        'first/lodash-old.json': LODASH_OLD,
        'later/lodash.json': LODASH,
      });
      vulndb = VulnStore.open(join(tree.root, 'vulndb.sqlite'));
      await importAdvisories(vulndb, [join(tree.root, 'first')], { now: new Date('2025-01-01T00:00:00Z') });
    });
    afterAll(async () => {
      vulndb?.close();
      await store?.dispose();
      tree?.cleanup();
    });

    const findings = () =>
      store.db
        .selectFrom('findings')
        .innerJoin('projects', 'projects.id', 'findings.project_id')
        .select([
          'projects.name as project',
          'findings.id',
          'findings.fingerprint',
          'findings.scanner',
          'findings.rule_id',
          'findings.severity',
          'findings.status',
          'findings.path',
          'findings.advisory_id',
          'findings.package_purl',
          'findings.first_scan_id',
        ])
        .where('findings.scanner', '=', 'sca')
        .orderBy('findings.id')
        .execute();

    it('creates findings for components a new advisory affects, once, with the CLI’s fingerprints', async () => {
      // The CLI already reported the old lodash advisory from the lockfile; then an SBOM was uploaded.
      const cliLodash = testFinding(1, {
        fingerprint: fingerprint(RULE, 'package-lock.json', 'pkg:npm/lodash@4.17.20|CVE-2020-8203'),
        scanner: 'sca',
        ruleId: RULE,
        severity: 'high',
        location: { path: 'package-lock.json' },
        vulnerability: {
          id: 'GHSA-p6mc-m468-83gw',
          aliases: ['CVE-2020-8203'],
          package: { ecosystem: 'npm', name: 'lodash', version: '4.17.20', purl: 'pkg:npm/lodash@4.17.20' },
          fixedVersions: ['4.17.19'],
        },
      });
      await ingestScan(store, testUpload([cliLodash], {}, 'api', 'main'), 'ci');
      const sbom = await ingestScan(
        store,
        testUpload(
          [],
          {
            source: 'cyclonedx',
            scanners: [],
            complete: false,
            components: [log4j('2.14.1'), lodash('4.17.20')],
          },
          'api',
          'main',
        ),
        'ci',
      );
      await ingestScan(
        store,
        testUpload(
          [],
          { source: 'cyclonedx', scanners: [], complete: false, components: [log4j('2.16.0')] },
          'web',
          'main',
        ),
        'ci',
      );
      await ingestScan(
        store,
        testUpload(
          [],
          { source: 'cyclonedx', scanners: [], complete: false, components: [log4j('2.14.1')] },
          'web',
          'dev',
        ),
        'ci',
      );

      const first = await rematchComponents(store, { vulndb });
      expect(first).toEqual({ skipped: false, projects: 2, components: 4, created: 2 });
      const rows = await findings();
      expect(rows.map((r) => [r.project, r.advisory_id, r.path, r.status])).toEqual([
        ['api', 'GHSA-p6mc-m468-83gw', 'package-lock.json', 'open'],
        ['api', 'GHSA-jfh8-c2jp-5v3q', SBOM_PATH, 'open'],
        ['web', 'GHSA-jfh8-c2jp-5v3q', SBOM_PATH, 'open'],
      ]);
      const apiLog4j = rows[1]!;
      expect(apiLog4j).toMatchObject({
        scanner: 'sca',
        rule_id: RULE,
        severity: 'critical',
        package_purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
        fingerprint: fingerprint(
          RULE,
          SBOM_PATH,
          'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1|CVE-2021-44228',
        ),
        first_scan_id: sbom.scanId,
      });
      // Shipped on web's dev branch only (main has the fixed 2.16.0).
      const presence = await store.db
        .selectFrom('finding_presence')
        .select(['branch', 'scanner', 'present'])
        .where('finding_id', '=', rows[2]!.id)
        .execute();
      expect(presence).toEqual([{ branch: 'dev', scanner: 'sca', present: 1 }]);
      const created = await store.db
        .selectFrom('finding_events')
        .select(['kind', 'actor', 'to_status'])
        .where('finding_id', '=', apiLog4j.id)
        .execute();
      expect(created).toEqual([{ kind: 'created', actor: 'gatehouse', to_status: 'open' }]);

      expect(await rematchComponents(store, { vulndb })).toMatchObject({ skipped: true, created: 0 });
      expect(await findings()).toHaveLength(3);
    });

    it('runs again when the database changes, creating only what is new, where the CLI would put it', async () => {
      await importAdvisories(vulndb, [join(tree.root, 'later')], { now: new Date('2025-02-01T00:00:00Z') });
      expect(await rematchComponents(store, { vulndb })).toMatchObject({ skipped: false, created: 1 });
      const lodash = (await findings()).at(-1)!;
      // The lockfile path of the project's other lodash finding: the fingerprint a CLI scan of it gives.
      const cli = fingerprint(RULE, 'package-lock.json', 'pkg:npm/lodash@4.17.20|CVE-2021-23337');
      expect(lodash).toMatchObject({
        project: 'api',
        advisory_id: 'GHSA-35jh-r3h4-6jhm',
        path: 'package-lock.json',
        fingerprint: cli,
      });

      // The CLI's next upload reports the same vulnerability: it is the same finding, not a new one.
      const again = testFinding(2, {
        fingerprint: cli,
        scanner: 'sca',
        ruleId: RULE,
        location: { path: 'package-lock.json' },
      });
      const upload = await ingestScan(store, testUpload([again], { complete: false }, 'api', 'main'), 'ci');
      expect(upload.new).toBe(0);

      // Forcing a rerun (stamp forgotten) creates nothing twice.
      await store.db.withTables<{ job_state: { name: string } }>().deleteFrom('job_state').execute();
      expect(await rematchComponents(store, { vulndb })).toMatchObject({ skipped: false, created: 0 });
      expect(await findings()).toHaveLength(4);
    });

    it('does nothing with an empty database', async () => {
      const empty = VulnStore.empty();
      expect(await rematchComponents(store, { vulndb: empty })).toEqual({
        skipped: true,
        projects: 0,
        components: 0,
        created: 0,
      });
      empty.close();
    });
  });
}
