import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestScan } from '../../store/ingest.js';
import { backends, type TestStore } from '../../store/testing.js';
import { readUpload } from './read.js';
import { fixture } from './test-fixtures.js';

/** The readers' output goes straight into the real store: what the server does with an upload. */
for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`uploads ingested on ${backend.name}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(async () => {
      await store?.dispose();
    });

    const ingest = (body: Buffer, project: string, complete = true) =>
      ingestScan(store, readUpload(body, { project, branch: 'main' }, { complete }), 'ci');
    // biome-ignore lint/suspicious/noExplicitAny: fixtures are edited as plain JSON
    const edited = (path: string, edit: (doc: any) => void) => {
      const doc = JSON.parse(fixture(path).toString('utf8'));
      edit(doc);
      return Buffer.from(JSON.stringify(doc));
    };

    it('ingests every fixture, and the same bytes twice as one scan', async () => {
      for (const path of [
        'sarif/semgrep.sarif',
        'sarif/codeql.sarif',
        'sarif/gitleaks.sarif',
        'sarif/trivy.sarif',
        'sarif/checkov.sarif',
        'sarif/bandit.sarif',
        'sarif/eslint.sarif',
        'sarif/zap.sarif',
        'sarif/multi-run.sarif',
        'cyclonedx/image-1.5.json',
        'spdx/syft-2.3.json',
      ]) {
        const project = `fixtures-${path.replace(/\W/g, '-')}`;
        const first = await ingest(fixture(path), project);
        expect(first.duplicate, path).toBe(false);
        const again = await ingest(fixture(path), project);
        expect([again.duplicate, again.scanId], path).toEqual([true, first.scanId]);
      }
    });

    it('keeps every finding when code moves (no line number in a key)', async () => {
      const first = await ingest(fixture('sarif/codeql.sarif'), 'moved');
      const moved = edited('sarif/codeql.sarif', (doc) => {
        for (const r of doc.runs[0].results) r.locations[0].physicalLocation.region.startLine += 40;
      });
      const second = await ingest(moved, 'moved');
      expect([second.duplicate, second.findings, second.new, second.fixed]).toEqual([
        false,
        first.findings,
        0,
        0,
      ]);
      const checkov = await ingest(fixture('sarif/checkov.sarif'), 'moved');
      const shifted = edited('sarif/checkov.sarif', (doc) => {
        for (const r of doc.runs[0].results) {
          const region = r.locations[0].physicalLocation.region;
          if (region) region.startLine += 7;
        }
      });
      expect((await ingest(shifted, 'moved')).new).toBe(0);
      expect(checkov.new).toBe(3);
    });

    it('closes what a complete scan of the same tool no longer reports, and nothing else', async () => {
      await ingest(fixture('sarif/semgrep.sarif'), 'closing');
      await ingest(fixture('sarif/bandit.sarif'), 'closing');
      const fewer = edited('sarif/semgrep.sarif', (doc) => {
        doc.runs[0].results.splice(1, 1);
      });
      const r = await ingest(fewer, 'closing');
      expect([r.findings, r.fixed]).toEqual([1, 1]);
      // An SBOM says nothing about code: it closes none of the SARIF findings.
      const sbom = await ingest(fixture('cyclonedx/image-1.5.json'), 'closing');
      expect(sbom.fixed).toBe(0);
      const open = await store.db
        .selectFrom('findings')
        .innerJoin('projects', 'projects.id', 'findings.project_id')
        .select(['findings.scanner', 'findings.status'])
        .where('projects.name', '=', 'closing')
        .where('findings.status', '=', 'open')
        .execute();
      expect(open.filter((f) => f.scanner === 'sarif:bandit')).toHaveLength(2);
      expect(open.filter((f) => f.scanner === 'sca')).toHaveLength(4);
    });

    it('closes nothing for a tool whose run failed, or for a partial scan', async () => {
      const hadolintOk = edited('sarif/multi-run.sarif', (doc) => {
        doc.runs[1].invocations[0].executionSuccessful = true;
      });
      await ingest(hadolintOk, 'failing');
      const failedWithNone = edited('sarif/multi-run.sarif', (doc) => {
        doc.runs[1].results = [];
      });
      expect((await ingest(failedWithNone, 'failing')).fixed).toBe(0);
      const partial = edited('sarif/multi-run.sarif', (doc) => {
        doc.runs[1].invocations[0].executionSuccessful = true;
        doc.runs[1].results = [];
      });
      expect((await ingest(partial, 'failing', false)).fixed).toBe(0);
      // Other bytes: the same bytes again would be the same scan, whatever `complete` says.
      const complete = Buffer.concat([partial, Buffer.from('\n')]);
      expect((await ingest(complete, 'failing', true)).fixed).toBe(2);
    });

    it('stores no secret value from a secret scanner', async () => {
      await ingest(fixture('sarif/gitleaks.sarif'), 'secrets');
      const rows = await store.db
        .selectFrom('findings')
        .innerJoin('projects', 'projects.id', 'findings.project_id')
        .select(['findings.title', 'findings.message', 'findings.data'])
        .where('projects.name', '=', 'secrets')
        .execute();
      expect(rows).toHaveLength(3);
      const stored = JSON.stringify(rows);
      for (const secret of [
        'AKIAIOSFODNN7EXAMPLE',
        'pk9Zr2Lq8Wx4Tn6Vb1Hs3Jd5Kf7Mg0Yc',
        'itk_9Zr2Lq8Wx4Tn6Vb1Hs3Jd5Kf7Mg0YcQe',
      ])
        expect(stored).not.toContain(secret.slice(4));
    });

    it('stores the components of an SBOM for the portfolio', async () => {
      await ingest(fixture('spdx/syft-2.3.json'), 'portfolio');
      const rows = await store.db
        .selectFrom('components')
        .innerJoin('projects', 'projects.id', 'components.project_id')
        .select(['components.ecosystem', 'components.name', 'components.version', 'components.licenses'])
        .where('projects.name', '=', 'portfolio')
        .orderBy('components.name')
        .execute();
      expect(rows.map((r) => [r.ecosystem, r.name, r.version])).toEqual([
        ['PyPI', 'django', '4.2.7'],
        ['Alpine', 'musl', '1.2.4-r2'],
        ['Maven', 'org.apache.logging.log4j:log4j-core', '2.14.1'],
        ['unknown', 'vendored-chart-lib', '0.3.1'],
      ]);
    });
  });
}
