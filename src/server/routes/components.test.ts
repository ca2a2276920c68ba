import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ComponentSearch, candidateQuery } from '../../store/components.js';
import { ingestScan } from '../../store/ingest.js';
import { testUpload } from '../../store/test-upload.js';
import { backends } from '../../store/testing.js';
import type { UploadedComponent } from '../../store/upload.js';
import { startTestServer, type TestServer } from '../testing.js';

const log4j = (version: string, artifact = 'log4j-core'): UploadedComponent => ({
  ecosystem: 'Maven',
  name: `org.apache.logging.log4j:${artifact}`,
  version,
  purl: `pkg:maven/org.apache.logging.log4j/${artifact}@${version}?type=jar`,
  licenses: ['Apache-2.0'],
});
const npm = (name: string, version: string, purl = `pkg:npm/${name}@${version}`): UploadedComponent => ({
  ecosystem: 'npm',
  name,
  version,
  purl,
});
const pypi = (name: string, version: string): UploadedComponent => ({
  ecosystem: 'PyPI',
  name,
  version,
  purl: `pkg:pypi/${name.toLowerCase()}@${version}`,
});

type Group = { project: string; branch: string; components: { name: string; version: string }[] };
const summary = (results: Group[]) =>
  results.map((g) => `${g.project}/${g.branch}:${g.components.map((c) => c.version).join(',')}`);

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`GET /api/v1/components on ${backend.name}`, () => {
    let s: TestServer;
    let reader: string;
    beforeAll(async () => {
      s = await startTestServer(backend);
      reader = await s.token('auditor');
      const ship = (project: string, branch: string, components: UploadedComponent[]) =>
        ingestScan(s.store, testUpload([], { source: 'cyclonedx', components }, project, branch), 'ci');
      await ship('api', 'main', [log4j('2.14.1'), npm('lodash', '4.17.20'), pypi('Django', '3.2.0')]);
      await ship('api', 'release', [log4j('2.17.1')]);
      await ship('web', 'main', [
        log4j('2.16.0'),
        npm('lodash', '4.17.21'),
        npm('@angular/core', '15.0.0', 'pkg:npm/%40angular/core@15.0.0'),
        pypi('django', '4.2'),
      ]);
      await ship('batch', 'main', [log4j('2.14.1', 'log4j-api')]);
      for (let i = 0; i < 5; i++)
        await ship(`svc-${i}`, 'main', [npm('lodash', `4.17.${10 + i}`), npm('lodash-es', '4.17.0')]);
    });
    afterAll(async () => s?.close());

    const search = async (query: string, token = reader) => {
      const r = await s.call(token, 'GET', `/api/v1/components?${query}`);
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      return r.json as { results: Group[]; next: string | null };
    };

    it('answers "who ships log4j-core < 2.17.0" by artifact name and range, grouped by project and branch', async () => {
      const r = await search(`name=log4j-core&version=${encodeURIComponent('<2.17.0')}`);
      expect(summary(r.results)).toEqual(['api/main:2.14.1', 'web/main:2.16.0']);
      expect(r.results[0]).toMatchObject({
        project: 'api',
        branch: 'main',
        components: [
          { ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core', licenses: 'Apache-2.0' },
        ],
      });
      const both = await search(
        `name=org.apache.logging.log4j:log4j-core&version=${encodeURIComponent('>=2.16.0 <2.17.1')}`,
      );
      expect(summary(both.results)).toEqual(['web/main:2.16.0']);
      const all = await search('name=log4j-core');
      expect(summary(all.results)).toEqual(['api/main:2.14.1', 'api/release:2.17.1', 'web/main:2.16.0']);
    });

    it('matches names by prefix and by each ecosystem’s rules', async () => {
      expect(summary((await search('name=log4j&match=prefix')).results)).toEqual([
        'api/main:2.14.1',
        'api/release:2.17.1',
        'web/main:2.16.0',
        'batch/main:2.14.1',
      ]);
      // PyPI names are case-insensitive; npm names are not.
      expect(summary((await search('name=DJANGO&ecosystem=pypi')).results)).toEqual([
        'api/main:3.2.0',
        'web/main:4.2',
      ]);
      expect((await search('name=Lodash')).results).toEqual([]);
      expect(summary((await search('name=lodash&project=web')).results)).toEqual(['web/main:4.17.21']);
    });

    it('finds by purl, with or without its version, in either spelling', async () => {
      const every = await search(
        `purl=${encodeURIComponent('pkg:maven/org.apache.logging.log4j/log4j-core')}`,
      );
      expect(summary(every.results)).toEqual(['api/main:2.14.1', 'api/release:2.17.1', 'web/main:2.16.0']);
      const one = await search(
        `purl=${encodeURIComponent('pkg:maven/org.apache.logging.log4j/log4j-core@2.16.0')}`,
      );
      expect(summary(one.results)).toEqual(['web/main:2.16.0']);
      const scoped = await search(`purl=${encodeURIComponent('pkg:npm/@angular/core@15.0.0')}`);
      expect(summary(scoped.results)).toEqual(['web/main:15.0.0']);
      // `lodash` must not pick up `lodash-es`.
      const lodash = await search(
        `purl=${encodeURIComponent('pkg:npm/lodash')}&version=${encodeURIComponent('^4.17.0 <4.17.12')}`,
      );
      expect(summary(lodash.results)).toEqual(['svc-0/main:4.17.10', 'svc-1/main:4.17.11']);
    });

    it('pages by project and branch with a keyset cursor', async () => {
      const seen: string[] = [];
      let next: string | null = '';
      let pages = 0;
      while (next !== null) {
        const r = await search(`name=lodash&limit=2${next ? `&after=${next}` : ''}`);
        seen.push(...summary(r.results));
        next = r.next;
        pages++;
      }
      expect(pages).toBe(4);
      expect(seen).toEqual([
        'api/main:4.17.20',
        'web/main:4.17.21',
        'svc-0/main:4.17.10',
        'svc-1/main:4.17.11',
        'svc-2/main:4.17.12',
        'svc-3/main:4.17.13',
        'svc-4/main:4.17.14',
      ]);
    });

    it('keeps project-scoped credentials to their project', async () => {
      const scoped = await s.token('developer', 'web');
      expect(summary((await search('name=log4j-core', scoped)).results)).toEqual(['web/main:2.16.0']);
      expect((await s.call(scoped, 'GET', '/api/v1/components?name=log4j-core&project=api')).status).toBe(
        404,
      );
    });

    it('refuses searches no index can answer, and ranges it cannot read', async () => {
      const none = await s.call(reader, 'GET', '/api/v1/components?version=%3C2');
      expect([none.status, none.json.error.message]).toEqual([
        400,
        expect.stringMatching(/name, purl or project/),
      ]);
      const bad = await s.call(
        reader,
        'GET',
        `/api/v1/components?name=x&version=${encodeURIComponent('>=1 ||')}`,
      );
      expect([bad.status, bad.json.error.message]).toEqual([400, expect.stringMatching(/query\.version/)]);
      expect((await s.call(reader, 'GET', '/api/v1/components?name=x&after=garbage')).status).toBe(400);
    });

    it('reads candidates through the name and purl indexes', async () => {
      const plan = async (search: ComponentSearch) => {
        // With a cursor, as the pages after the first read.
        const q = candidateQuery(s.store, search, [1, 'main', 5]).compile();
        if (s.store.dialect === 'sqlite') {
          const rows = await sql
            .raw<{ detail: string }>(`EXPLAIN QUERY PLAN ${inline(q.sql, q.parameters)}`)
            .execute(s.store.db);
          return rows.rows.map((r) => r.detail).join('\n');
        }
        return s.store.db.transaction().execute(async (trx) => {
          await sql`SET LOCAL enable_seqscan = off`.execute(trx);
          const rows = await sql
            .raw<{ 'QUERY PLAN': string }>(`EXPLAIN ${inline(q.sql, q.parameters)}`)
            .execute(trx);
          return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
        });
      };
      const byName = await plan({ name: 'log4j-core', limit: 10 });
      expect(byName).toMatch(/components_name_key/);
      expect(byName).toMatch(/components_artifact_key/);
      expect(await plan({ name: 'log4j', prefix: true, limit: 10 })).toMatch(/components_name_key/);
      expect(await plan({ purl: 'pkg:npm/lodash', limit: 10 })).toMatch(/components_purl/);
      expect(byName).not.toMatch(/SCAN components\b|Seq Scan on components/);
    });
  });
}

/** The statement with its parameters written in, for EXPLAIN (test values only: plain text and numbers). */
function inline(text: string, params: readonly unknown[]): string {
  const lit = (v: unknown) => (typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
  let i = 0;
  return text.replace(/\$(\d+)|\?/g, (_m, n) => lit(params[n ? Number(n) - 1 : i++]));
}
