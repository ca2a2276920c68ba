import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatehouse } from './cli.js';
import { makeTree } from './tmp.js';

const OSV = fileURLToPath(new URL('./fixtures/sca/osv', import.meta.url));
const POM = `<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>shop</artifactId><version>1.0.0</version>
<dependencies>
  <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>2.14.1</version></dependency>
  <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>1.7.36</version></dependency>
</dependencies></project>
`;

let cache: string;
const cleanups: (() => void)[] = [];
const env = () => ({ GATEHOUSE_CACHE_DIR: cache });
function tree(files: Record<string, string>): string {
  const t = makeTree(files);
  cleanups.push(t.cleanup);
  return t.root;
}

beforeAll(() => {
  cache = mkdtempSync(join(tmpdir(), 'gatehouse-cache-'));
  const r = gatehouse(['db', 'import', OSV], { env: env() });
  expect(r.code).toBe(0);
});
afterAll(() => {
  rmSync(cache, { recursive: true, force: true });
  for (const c of cleanups) c();
});

interface JsonReport {
  findings: {
    ruleId: string;
    severity: string;
    message: string;
    location: { path: string; startLine?: number };
    vulnerability?: { id: string; aliases: string[]; fixedVersions: string[] };
  }[];
  diagnostics: { code: string; path?: string; message: string }[];
}
const scanJson = (args: string[]) => {
  const r = gatehouse(['scan', ...args, '--format', 'json'], { env: env() });
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
};

describe('gatehouse scan --scanners sca', () => {
  it('reports Log4Shell once per vulnerability, with aliases, severity and the fix', () => {
    const { code, report } = scanJson([tree({ 'pom.xml': POM }), '--scanners', 'sca']);
    expect(code).toBe(1);
    const ids = report.findings.map((f) => f.vulnerability?.id).sort();
    expect(ids).toEqual(['GHSA-7rjr-3q55-vv33', 'GHSA-jfh8-c2jp-5v3q']);
    const shell = report.findings.find((f) => f.vulnerability?.id === 'GHSA-jfh8-c2jp-5v3q')!;
    expect(shell.severity).toBe('critical');
    expect(shell.vulnerability!.aliases).toContain('CVE-2021-44228');
    expect(shell.message).toContain('upgrade to 2.15.0');
  });

  it('names a malformed lockfile and still scans the others', () => {
    const root = tree({
      'pom.xml': POM,
      'rust/Cargo.lock': '[[package]\nname = "x"\n',
      'py/requirements.txt': 'requests==2.31.0\n',
    });
    const { report } = scanJson([root, '--scanners', 'sca']);
    expect(report.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'lockfile-invalid', path: 'rust/Cargo.lock' }),
      ]),
    );
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it('reports a pin of a shared -r include once, at its own line, and its warnings once', () => {
    const root = tree({
      'requirements.txt': 'flask==3.0.0\n-r requirements/base.txt\n',
      'worker/requirements.txt': '-r ../requirements/base.txt\n',
      'requirements/base.txt': '# pinned for the tests\npy==1.11.0\n--bogus\n',
    });
    const { report } = scanJson([root, '--scanners', 'sca']);
    const py = report.findings.filter((f) => f.vulnerability?.id === 'PYSEC-2022-42969');
    expect(py.map((f) => f.location)).toEqual([{ path: 'requirements/base.txt', startLine: 2 }]);
    const warnings = report.diagnostics.filter((d) => d.code === 'lockfile-warning');
    expect(warnings).toEqual([
      expect.objectContaining({
        path: 'requirements/base.txt',
        message: 'line 3: unknown option "--bogus"; line ignored',
      }),
    ]);
  });

  it('judges licenses from node_modules manifests even though node_modules is gitignored', () => {
    const lock = { lockfileVersion: 3, packages: { 'node_modules/left-pad': { version: '1.3.0' } } };
    const root = tree({
      '.gitignore': 'node_modules/\n',
      'gatehouse.yml': 'sca:\n  licenses:\n    deny: [WTFPL]\n',
      'package-lock.json': JSON.stringify(lock),
      'node_modules/left-pad/package.json': JSON.stringify({
        name: 'left-pad',
        version: '1.3.0',
        license: 'WTFPL',
      }),
    });
    const { report } = scanJson([root, '--scanners', 'sca']);
    const denied = report.findings.filter((f) => f.ruleId === 'sca/license-denied');
    expect(denied.map((f) => [f.location.path, f.message])).toEqual([
      ['package-lock.json', expect.stringContaining('left-pad@1.3.0 is licensed WTFPL')],
    ]);
  });

  it('says when the database is empty, and blocks on it when told to', () => {
    const empty = mkdtempSync(join(tmpdir(), 'gatehouse-empty-'));
    cleanups.push(() => rmSync(empty, { recursive: true, force: true }));
    const root = tree({ 'pom.xml': POM });
    const warn = gatehouse(['scan', root, '--scanners', 'sca', '--format', 'json'], {
      env: { GATEHOUSE_CACHE_DIR: empty },
    });
    expect(warn.code).toBe(0);
    expect((JSON.parse(warn.stdout) as JsonReport).diagnostics.map((d) => d.code)).toContain('vulndb-empty');
    writeFileSync(join(root, 'gatehouse.yml'), 'sca:\n  database:\n    stale: fail\n');
    const fail = gatehouse(['scan', root, '--scanners', 'sca'], { env: { GATEHOUSE_CACHE_DIR: empty } });
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain('sca/vulndb-stale');
  });
});

describe('gatehouse sbom', () => {
  it('writes CycloneDX that scan --sbom reads back to the same findings', () => {
    const root = tree({ 'pom.xml': POM });
    const bom = join(root, 'bom.json');
    expect(gatehouse(['sbom', root, '--output', bom], { env: env() }).code).toBe(0);
    const doc = JSON.parse(readFileSync(bom, 'utf8')) as {
      specVersion: string;
      components: { purl: string }[];
    };
    expect(doc.specVersion).toBe('1.6');
    expect(doc.components.map((c) => c.purl)).toContain(
      'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
    );
    const { code, report } = scanJson(['.', '--sbom', bom]);
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.vulnerability?.id).sort()).toEqual([
      'GHSA-7rjr-3q55-vv33',
      'GHSA-jfh8-c2jp-5v3q',
    ]);
  });

  it('names the licenses of installed packages the lockfile does not record', () => {
    const lock = { lockfileVersion: 3, packages: { 'node_modules/left-pad': { version: '1.3.0' } } };
    const root = tree({
      '.gitignore': 'node_modules/\n',
      'package-lock.json': JSON.stringify(lock),
      'node_modules/left-pad/package.json': JSON.stringify({
        name: 'left-pad',
        version: '1.3.0',
        license: 'WTFPL',
      }),
    });
    const r = gatehouse(['sbom', root], { env: env() });
    const doc = JSON.parse(r.stdout) as { components: { name: string; licenses?: unknown }[] };
    const pad = doc.components.find((c) => c.name === 'left-pad');
    expect(JSON.stringify(pad?.licenses)).toContain('WTFPL');
  });

  it('writes SPDX 2.3', () => {
    const r = gatehouse(['sbom', tree({ 'pom.xml': POM }), '--format', 'spdx'], { env: env() });
    const doc = JSON.parse(r.stdout) as { spdxVersion: string; packages: { name: string }[] };
    expect(doc.spdxVersion).toBe('SPDX-2.3');
    expect(doc.packages.map((p) => p.name)).toContain('org.apache.logging.log4j:log4j-core');
  });
});
