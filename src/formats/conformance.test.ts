/**
 * The suite every output format passes: golden file, determinism, a clean pass, a large
 * report, and no secret value in any output. Regenerate the golden files with
 * `UPDATE_GOLDEN=1 npx vitest run src/formats`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FORMATS } from './index.js';
import { cleanReport, largeReport, RAW_SECRETS, sampleReport } from './test-report.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const goldenDir = resolve(repoRoot, 'test/fixtures/golden');
const update = process.env.UPDATE_GOLDEN === '1';
const plain = { color: false };

describe.each(FORMATS.map((f) => [f.name, f] as const))('format %s', (name, format) => {
  const golden = resolve(goldenDir, `${name}.${format.extension}`);

  it(`matches test/fixtures/golden/${name}.${format.extension}`, () => {
    const out = format.render(sampleReport(), plain);
    if (update) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(golden, out);
    }
    if (!existsSync(golden)) {
      throw new Error(`${golden} is missing: create it with UPDATE_GOLDEN=1 npx vitest run src/formats`);
    }
    expect(out).toBe(readFileSync(golden, 'utf8'));
  });

  it('is deterministic and does not change its input', () => {
    const report = sampleReport();
    const before = JSON.stringify(report);
    const first = format.render(report, plain);
    expect(format.render(report, plain)).toBe(first);
    expect(JSON.stringify(report)).toBe(before);
  });

  it('does not depend on the order findings, decisions and scanners arrive in', () => {
    const report = sampleReport();
    report.result.findings.reverse();
    report.gate.findings.reverse();
    report.result.scanners.reverse();
    report.result.rules.reverse();
    expect(format.render(report, plain)).toBe(format.render(sampleReport(), plain));
  });

  it('never contains a secret value', () => {
    for (const color of [false, true]) {
      const out = format.render(sampleReport(), { color });
      for (const secret of RAW_SECRETS) expect(out).not.toContain(secret);
    }
  });

  it('renders a clean pass', () => {
    const out = format.render(cleanReport(), plain);
    expect(out.length).toBeGreaterThan(0);
    expect(out.endsWith('\n')).toBe(true);
    expect(out).not.toMatch(/undefined|NaN|\[object Object\]/);
  });

  it('renders 5,000 findings', () => {
    const out = format.render(largeReport(5000), plain);
    expect(out.length).toBeGreaterThan(0);
    expect(out).not.toMatch(/undefined|NaN|\[object Object\]/);
  });

  it('writes no ANSI escape codes without colour', () => {
    expect(format.render(sampleReport(), plain)).not.toMatch(/\u001b/);
  });
});
