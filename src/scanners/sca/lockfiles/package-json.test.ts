import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageJsonParser } from './package-json.js';
import type { LockfileResult } from './parser.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/sca/lockfiles/', import.meta.url));
const fixture = (rel: string) => readFileSync(`${FIXTURES}${rel}`, 'utf8');

function parse(text: string, path = 'package.json', files: Record<string, string> = {}): LockfileResult {
  return packageJsonParser.parse({ path, text, readFile: (p) => files[p] });
}

const summary = (r: LockfileResult) =>
  r.packages
    .map((p) => [p.name, p.version, p.constraint ?? null, p.dev])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe('package.json without a lockfile', () => {
  it('reports declared ranges unresolved, never as a guessed version', () => {
    const r = parse(fixture('osv-scalibr/packagejson/package-with-deps.json'));
    expect(summary(r)).toEqual([
      ['dep1', '1.0.0', null, false],
      ['dep2', '', '>2.0.0', false],
      ['dep3', '', '~3.1.0', false],
      ['dep4', '', '^0.4.2', false],
      ['dep5', '', '5.x', false],
      ['dep6', '', 'invalid', false],
      ['dep7', '', '>=1.0.0 <2.0.0', false],
    ]);
    expect(r.packages.every((p) => p.direct)).toBe(true);
    expect(r.warnings[0]?.message).toMatch(/no lockfile/);
    expect(r.packages.find((p) => p.name === 'dep2')?.purl).toBe('pkg:npm/dep2');
  });

  it('keeps one package per name; a runtime declaration wins over a dev one', () => {
    const r = parse(fixture('osv-scalibr/packagejson/duplicate-keys.json'));
    expect(summary(r)).toEqual([['my-dep', '1.0.0', null, false]]);
  });

  it('skips local protocols and reads aliases as the package installed', () => {
    const r = parse(fixture('package-json/valid/package.json'));
    expect(r.packages.map((p) => p.name)).not.toContain('shared');
    expect(r.packages.find((p) => p.key === 'lp')).toMatchObject({ name: 'left-pad', version: '1.3.0' });
    expect(r.packages.find((p) => p.name === 'lodash')).toMatchObject({ dev: false, groups: ['dev'] });
  });

  it('says nothing when a lockfile beside it, or a workspace root above it, has the versions', () => {
    const text = fixture('package-json/valid/package.json');
    expect(parse(text, 'app/package.json', { 'app/yarn.lock': '' }).packages).toEqual([]);
    const root = { 'pnpm-lock.yaml': '', 'pnpm-workspace.yaml': 'packages: [libs/*]' };
    expect(parse(text, 'libs/a/package.json', root).packages).toEqual([]);
    const npmRoot = { 'package-lock.json': '{}', 'package.json': '{"workspaces": ["libs/*"]}' };
    expect(parse(text, 'libs/a/package.json', npmRoot).packages).toEqual([]);
    // A lockfile above that does not declare workspaces does not cover an unrelated project.
    expect(
      parse(text, 'tools/x/package.json', { 'package-lock.json': '{}', 'package.json': '{}' }).packages,
    ).not.toEqual([]);
  });

  it('ignores Unity package manifests, whose dependencies are not npm packages', () => {
    expect(parse(fixture('osv-scalibr/packagejson/unity-package.json')).packages).toEqual([]);
  });

  it('matches package.json outside node_modules only', () => {
    expect(packageJsonParser.matches('web/package.json')).toBe(true);
    expect(packageJsonParser.matches('web/node_modules/a/package.json')).toBe(false);
  });
});
