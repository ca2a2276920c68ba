import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ecosystem } from '../../../core/package.js';
import { type PopularList, popularList } from './popular.js';
import { TyposquatIndex } from './typosquat.js';

const FIXTURE = join(import.meta.dirname, '../../../../test/fixtures/sca/risk/typosquats.json');

interface Labelled {
  ecosystem: Ecosystem;
  name: string;
  targets?: string[];
}

function list(ecosystem: Ecosystem, names: string[], targets = names.length): PopularList {
  return { ecosystem, packages: names.map((name, i) => ({ name, rank: i + 1 })), targets };
}

describe('TyposquatIndex transformations', () => {
  const npm = new TyposquatIndex(
    list('npm', [
      'lodash',
      'cross-env',
      'moment',
      '@types/node',
      'jquery',
      '@splidejs/splide',
      'eslint',
      'lodash-es',
    ]),
  );
  const match = (name: string) => npm.match(name);

  it('never reports a popular name, whatever it resembles', () => {
    expect(match('lodash-es')).toBeUndefined();
    expect(match('LODASH')).toBeUndefined();
  });

  it.each([
    ['crossenv', 'separator', 'cross-env'],
    ['cross_env', 'separator', 'cross-env'],
    ['types-node', 'separator', '@types/node'],
    ['l0dash', 'lookalike', 'lodash'],
    ['jquery.js', 'affix', 'jquery'],
    ['node-moment', 'affix', 'moment'],
    ['splide', 'scope', '@splidejs/splide'],
    ['@typess/node', 'scope', '@types/node'],
    ['loadsh', 'edit', 'lodash'],
    ['lodahs', 'edit', 'lodash'],
    ['lodassh', 'edit', 'lodash'],
    ['momnet', 'edit', 'moment'],
    ['monent', 'edit', 'moment'],
  ])('%s imitates by %s', (name, kind, target) => {
    expect(match(name)).toMatchObject({ kind, target: { name: target } });
  });

  it.each([
    ['an unrelated name', 'express'],
    ['a name too short for edits', 'lodas'.slice(0, 4)],
    ['a letter put in front (a new word)', 'xeslint'],
    ['a version digit', 'moment2'],
    ['a package of a scope that is itself popular', '@types/nodes'],
    ['a scope one letter from a popular one', '@typez/node'],
  ])('does not report %s', (_, name) => {
    expect(match(name)).toBeUndefined();
  });

  it('answers at once for hostile names', () => {
    const start = performance.now();
    for (const name of [
      'a'.repeat(100_000),
      `@${'x'.repeat(50_000)}/${'y'.repeat(50_000)}`,
      '-'.repeat(100_000),
      '',
    ]) {
      expect(match(name)).toBeUndefined();
    }
    expect(performance.now() - start).toBeLessThan(30_000); // hang guard: speed is measured in bench/
  });

  it('explains the evidence', () => {
    expect(match('loadsh')?.evidence).toBe('letters `da` swapped');
    expect(match('monent')?.evidence).toBe('`m` replaced by `n`, adjacent keys');
    expect(match('jquery.js')?.evidence).toBe('`.js` added');
    expect(match('splide')?.evidence).toBe('its scope left out');
    expect(match('@typess/node')?.evidence).toBe('scope `@typess` instead of `@types`');
  });

  it('applies PyPI name normalisation before comparing', () => {
    const pypi = new TyposquatIndex(list('PyPI', ['python-dateutil', 'requests', 'jellyfish', 'urllib3']));
    expect(pypi.match('Python_DateUtil')).toBeUndefined();
    expect(pypi.match('python3-dateutil')).toMatchObject({
      kind: 'affix',
      target: { name: 'python-dateutil' },
    });
    expect(pypi.match('jeIlyfish')).toMatchObject({ kind: 'lookalike', target: { name: 'jellyfish' } });
    expect(pypi.match('request')).toMatchObject({ kind: 'edit', target: { name: 'requests' } });
    expect(pypi.match('urllib')).toMatchObject({ kind: 'edit', target: { name: 'urllib3' } });
  });

  it('names only targets as originals, yet exempts every listed name', () => {
    const index = new TyposquatIndex(list('npm', ['lodash', 'obscure-lib', 'loadsh'], 2));
    expect(index.match('loadsh')).toBeUndefined();
    expect(index.match('obscure_lib')).toMatchObject({ target: { name: 'obscure-lib' } });
    expect(
      new TyposquatIndex(list('npm', ['lodash', 'obscure-lib'], 1)).match('obscure_lib'),
    ).toBeUndefined();
  });
});

describe('labelled historical typosquats against the shipped lists', () => {
  const labelled = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
    positives: Labelled[];
    negatives: Labelled[];
  };
  const index = (e: Ecosystem) => new TyposquatIndex(popularList(e)!);
  const indexes = new Map((['npm', 'PyPI'] as const).map((e) => [e, index(e)]));

  it('has precision and recall of at least 0.9', () => {
    const flagged = (l: Labelled) => indexes.get(l.ecosystem as 'npm')!.match(l.name);
    const hits = labelled.positives.filter((p) => {
      const m = flagged(p);
      return m !== undefined && (p.targets ?? []).includes(m.target.name);
    });
    const falsePositives = labelled.negatives.filter((n) => flagged(n));
    const precision = hits.length / (hits.length + falsePositives.length);
    const recall = hits.length / labelled.positives.length;
    const missed = labelled.positives.filter((p) => !hits.includes(p)).map((p) => p.name);
    console.log(
      `typosquat: ${labelled.positives.length} positives, ${labelled.negatives.length} negatives, ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}; missed: ${missed.join(', ')}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('says how many negatives only their own popularity saves', () => {
    // Informational: the rules alone, with the negatives taken off the lists, flag this many.
    for (const ecosystem of ['npm', 'PyPI'] as const) {
      const popular = popularList(ecosystem)!;
      const negatives = labelled.negatives.filter((n) => n.ecosystem === ecosystem);
      const names = new Set(negatives.map((n) => n.name.toLowerCase()));
      const kept = popular.packages.filter((p) => !names.has(p.name.toLowerCase()));
      const bare = new TyposquatIndex({ ecosystem, packages: kept, targets: kept.length });
      const flagged = negatives.filter((n) => bare.match(n.name)).length;
      console.log(
        `typosquat: ${flagged} of ${negatives.length} ${ecosystem} negatives would be flagged if they were not popular`,
      );
    }
  });

  it('checks 5,000 names against each ecosystem without hanging', () => {
    for (const ecosystem of ['npm', 'PyPI'] as const) {
      const popular = popularList(ecosystem)!;
      const names = popular.packages.slice(0, 2500).map((p) => p.name);
      names.push(...names.map((n) => (n.length > 4 ? n.slice(0, 2) + n[3] + n[2] + n.slice(4) : `${n}x`)));
      const start = performance.now();
      const idx = new TyposquatIndex(popular);
      for (const n of names) idx.match(n);
      const ms = performance.now() - start;
      console.log(
        `typosquat: ${ecosystem} index of ${popular.packages.length} names + 5,000 checks in ${ms.toFixed(0)} ms`,
      );
      // Typically a few hundred ms; the bound only catches an accidental all-pairs comparison (minutes) on a busy CI machine.
      expect(ms).toBeLessThan(5000);
    }
  });
});
