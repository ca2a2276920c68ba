import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { isNodePackagePath, readNodePackage } from './node-package.js';

const read = (path: string, json: unknown) =>
  readNodePackage({ path, content: Buffer.from(typeof json === 'string' ? json : JSON.stringify(json)) });

describe('isNodePackagePath', () => {
  it('accepts package roots under node_modules, scoped, nested, global and pnpm', () => {
    for (const path of [
      'app/node_modules/express/package.json',
      'app/node_modules/@babel/core/package.json',
      'app/node_modules/a/node_modules/b/package.json',
      'usr/local/lib/node_modules/npm/package.json',
      'usr/lib/node_modules/npm/node_modules/semver/package.json',
      'app/node_modules/.pnpm/lodash@4.17.21/node_modules/lodash/package.json',
    ]) {
      expect(isNodePackagePath(path), path).toBe(true);
    }
  });

  it('refuses files inside a package and the application’s own manifest', () => {
    for (const path of [
      'app/package.json',
      'app/node_modules/rxjs/dist/esm/package.json',
      'app/node_modules/@babel/package.json',
      'app/node_modules/package.json',
      'app/node_modules/express/package.json.bak',
    ]) {
      expect(isNodePackagePath(path), path).toBe(false);
    }
  });
});

describe('readNodePackage', () => {
  it('reads name, version, licence (legacy forms too) and keys the package by its folder', () => {
    const { packages, diagnostics } = read('app/node_modules/@scope/x/package.json', {
      name: '@scope/x',
      version: '1.2.3',
      licenses: [{ type: 'MIT' }],
    });
    expect(diagnostics).toEqual([]);
    expect(packages).toEqual([
      {
        ecosystem: 'npm',
        name: '@scope/x',
        version: '1.2.3',
        resolved: true,
        purl: 'pkg:npm/%40scope/x@1.2.3',
        source: { path: 'app/node_modules/@scope/x/package.json' },
        key: 'app/node_modules/@scope/x',
        licenses: ['MIT'],
        evidence: 'package.json',
        confidence: 'high',
      },
    ]);
  });

  it('keeps a version that is not semver, unresolved, with what it said', () => {
    const [pkg] = read('node_modules/odd/package.json', { name: 'odd', version: '1.0' }).packages;
    expect(pkg).toMatchObject({ version: '', resolved: false, constraint: '1.0', purl: 'pkg:npm/odd' });
  });

  it('skips a manifest without name or version, and reports garbage without throwing', () => {
    expect(read('node_modules/x/package.json', { type: 'module' })).toMatchObject({
      packages: [],
      diagnostics: [{ level: 'info', code: 'lang-package-invalid' }],
    });
    for (const bad of ['{"name": "x", "version":', '[1, 2]', '\u0000\u0001binary', '']) {
      const result = read('node_modules/x/package.json', bad);
      expect(result.packages).toEqual([]);
      expect(result.diagnostics[0]).toMatchObject({ level: 'warning', path: 'node_modules/x/package.json' });
    }
    const spaced = read('node_modules/x/package.json', { name: 'not a name', version: '1.0.0' });
    expect(spaced.diagnostics[0]?.message).toMatch(/not an npm package name/);
  });
});

describe('readNodePackage on this repository’s node_modules', () => {
  const root = packageRoot();
  const manifests: string[] = [];
  const walk = (dir: string, depth: number): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory() && depth < 8) walk(full, depth + 1);
      else if (e.isFile() && isNodePackagePath(relative(root, full))) manifests.push(full);
    }
  };
  walk(join(root, 'node_modules'), 0);

  it('reads every installed package, and finds the ones this project depends on', () => {
    const results = manifests.map((full) =>
      readNodePackage({ path: relative(root, full), content: readFileSync(full) }),
    );
    const packages = results.flatMap((r) => r.packages);
    expect(manifests.length).toBeGreaterThan(300);
    expect(results.flatMap((r) => r.diagnostics.filter((d) => d.level !== 'info'))).toEqual([]);
    // Every root manifest with a name and a version is a package.
    expect(packages.length).toBeGreaterThan(manifests.length * 0.95);
    const yauzl = packages.find((p) => p.key === 'node_modules/yauzl');
    expect(yauzl).toMatchObject({ name: 'yauzl', version: '3.4.0', licenses: ['MIT'], resolved: true });
  });
});
