import { describe, expect, it } from 'vitest';
import type { Package } from '../../../core/package.js';
import type { LockfileWarning } from './parser.js';
import { linkByName, UniquePackages } from './pypi-graph.js';
import { pypiPackage } from './pypi-package.js';

function pkg(name: string, version: string, extra: Partial<Package> = {}): Package {
  return { ...pypiPackage({ name, version, path: 'x.lock' }, []), ...extra };
}

describe('PyPI graph helpers', () => {
  it('folds a release listed twice into one package that keeps every group and hash', () => {
    const unique = new UniquePackages();
    const hash = (c: string) => ({ alg: 'SHA-256', value: c.repeat(64) });
    const first = unique.add(
      pkg('six', '1.16.0', { dev: true, direct: false, groups: ['develop'], hashes: [hash('a')] }),
    );
    const second = unique.add(
      pkg('Six', '1.16.0', { dev: false, groups: ['default'], hashes: [hash('a'), hash('b')] }),
    );
    expect(second).toBe(first);
    expect(unique.packages()).toEqual([
      expect.objectContaining({
        dev: false,
        direct: false,
        groups: ['default', 'develop'],
        hashes: [hash('a'), hash('b')],
      }),
    ]);
  });

  it('links a name to each of its releases', () => {
    const app = pkg('app', '1.0');
    const packages = [app, pkg('numpy', '1.26.4'), pkg('numpy', '2.1.0')];
    linkByName(packages, new Map([[app, ['NumPy', 'absent']]]), []);
    expect(app.dependsOn).toEqual(['numpy@1.26.4', 'numpy@2.1.0']);
  });

  it('refuses to fan out to a name listed implausibly often', () => {
    const releases = Array.from({ length: 5000 }, (_, i) => pkg('x', `1.${i}`));
    const dependents = Array.from({ length: 5000 }, (_, i) => pkg(`d${i}`, '1.0'));
    const warnings: LockfileWarning[] = [];
    const started = performance.now();
    linkByName([...releases, ...dependents], new Map(dependents.map((d) => [d, ['x']])), warnings);
    expect(performance.now() - started).toBeLessThan(30_000); // hang guard, not a speed target
    expect(dependents[0]!.dependsOn).toBeUndefined();
    expect(warnings).toEqual([{ message: 'x is listed 5000 times; dependencies on it are not linked' }]);
  });
});
