import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPythonPackagePath, onePerSitePackages, readPythonPackage } from './python-metadata.js';

const SITE = 'usr/lib/python3/dist-packages';
const read = (path: string, text: string) => readPythonPackage({ path, content: Buffer.from(text) });

describe('isPythonPackagePath', () => {
  it('accepts METADATA, PKG-INFO and lone egg-info files directly in site- or dist-packages', () => {
    for (const path of [
      `${SITE}/requests-2.31.0.dist-info/METADATA`,
      'usr/local/lib/python3.12/site-packages/Flask-3.0.0.dist-info/METADATA',
      'app/.venv/lib/python3.11/site-packages/six-1.16.0.egg-info/PKG-INFO',
      'usr/lib/python2.7/dist-packages/pyOpenSSL-0.15.egg-info',
    ]) {
      expect(isPythonPackagePath(path), path).toBe(true);
    }
  });

  it('refuses other metadata files and packages outside a site folder', () => {
    for (const path of [
      `${SITE}/requests-2.31.0.dist-info/RECORD`,
      `${SITE}/requests/vendored/x-1.0.dist-info/METADATA`,
      'src/mypkg.egg-info/PKG-INFO',
    ]) {
      expect(isPythonPackagePath(path), path).toBe(false);
    }
  });
});

describe('readPythonPackage', () => {
  it('reads a wheel’s METADATA: PEP 503 name, canonical version, License-Expression', () => {
    const path = `${SITE}/Zope.Interface-6.0.dist-info/METADATA`;
    const text =
      'Metadata-Version: 2.4\nName: Zope.Interface\nVersion: 6.0.0-rc1\nLicense-Expression: ZPL-2.1\n\nLong: text\n';
    expect(read(path, text)).toEqual({
      packages: [
        {
          ecosystem: 'PyPI',
          name: 'zope-interface',
          version: '6.0.0rc1',
          resolved: true,
          purl: 'pkg:pypi/zope-interface@6.0.0rc1',
          source: { path },
          key: 'zope-interface@6.0.0rc1',
          licenses: ['ZPL-2.1'],
          evidence: 'dist-info',
          confidence: 'high',
        },
      ],
      diagnostics: [],
    });
  });

  it('reads a lone egg-info file, its License header, and ignores the description after the headers', () => {
    const text =
      'Metadata-Version: 1.1\r\nName: six\r\nVersion: 1.16.0\r\nLicense: MIT\r\n\r\nnot: a header\n\u0000';
    const [pkg] = read(`${SITE}/six-1.16.0.egg-info`, text).packages;
    expect(pkg).toMatchObject({ name: 'six', version: '1.16.0', licenses: ['MIT'], evidence: 'egg-info' });
  });

  it('reports a legacy version, missing fields and garbage, never throwing', () => {
    const legacy = read(`${SITE}/pytz-2004d.egg-info/PKG-INFO`, 'Name: pytz\nVersion: 2004d\n');
    expect(legacy.packages[0]).toMatchObject({ version: '2004d' });
    expect(legacy.diagnostics).toEqual([expect.objectContaining({ code: 'lang-package-version' })]);
    expect(read(`${SITE}/x.dist-info/METADATA`, 'Name: x\n').diagnostics[0]?.message).toMatch(
      /no Name and Version/,
    );
    for (const bad of ['\u0000\u0001\u0002 binary', 'no colon here\n', 'Name: bad name!\nVersion: 1\n']) {
      const result = read(`${SITE}/x.dist-info/METADATA`, bad);
      expect(result.packages).toEqual([]);
      expect(result.diagnostics[0]).toMatchObject({ level: 'warning', code: 'lang-package-invalid' });
    }
  });
});

describe('onePerSitePackages', () => {
  it('keeps the dist-info of a distribution also described by an old egg-info in the same folder', () => {
    const egg = read(
      `${SITE}/cryptography.egg-info/PKG-INFO`,
      'Name: cryptography\nVersion: 38.0.4\n',
    ).packages;
    const dist = read(
      `${SITE}/cryptography-38.0.4.dist-info/METADATA`,
      'Name: cryptography\nVersion: 38.0.4\n',
    ).packages;
    const venv = read(
      'venv/site-packages/cryptography.egg-info/PKG-INFO',
      'Name: cryptography\nVersion: 38.0.4\n',
    ).packages;
    const kept = onePerSitePackages([...egg, ...dist, ...venv]);
    expect(kept.map((p) => p.source.path)).toEqual([
      `${SITE}/cryptography-38.0.4.dist-info/METADATA`,
      'venv/site-packages/cryptography.egg-info/PKG-INFO',
    ]);
  });
});

const DEBIAN = '/usr/lib/python3/dist-packages';

describe.skipIf(!existsSync(DEBIAN))('readPythonPackage on this machine’s Debian dist-packages', () => {
  it('reads every installed distribution', () => {
    const files = readdirSync(DEBIAN).flatMap((entry) => {
      const full = join(DEBIAN, entry);
      if (entry.endsWith('.dist-info')) return [join(full, 'METADATA')];
      if (!entry.endsWith('.egg-info')) return [];
      return [statSync(full).isDirectory() ? join(full, 'PKG-INFO') : full];
    });
    const results = files.map((f) => readPythonPackage({ path: f.slice(1), content: readFileSync(f) }));
    expect(results.flatMap((r) => r.diagnostics)).toEqual([]);
    const packages = onePerSitePackages(results.flatMap((r) => r.packages));
    expect(packages.length).toBeGreaterThan(10);
    expect(new Set(packages.map((p) => p.key)).size).toBe(packages.length);
    expect(packages.every((p) => p.resolved && p.name === p.name.toLowerCase())).toBe(true);
  });
});
