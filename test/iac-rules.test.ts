import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/scanners/iac/analyse.js';
import { IAC_RULES } from '../src/scanners/iac/rules/index.js';

/**
 * Every IaC rule ships a positive and a negative example (test/fixtures/iac/rules/<id after iac/>/).
 * In a positive file, a comment `ruleid: <rule id>` marks the next line as one the rule must
 * report; the rule must report exactly the marked lines. A format without comments (JSON) only
 * needs at least one finding. A negative file must give no finding of the rule.
 */
const ROOT = join(import.meta.dirname, 'fixtures/iac/rules');
const NIST = JSON.parse(
  readFileSync(join(import.meta.dirname, '../data/nist-800-53-rev5.json'), 'utf8'),
) as Record<string, string>;
const CIS = /^cis-(aws|azure|gcp|kubernetes|docker):\d+(\.\d+)*$/;

function expectedLines(text: string, ruleId: string): number[] | undefined {
  const lines = text.split(/\r?\n/);
  const out: number[] = [];
  const marker = new RegExp(`ruleid:\\s*${ruleId.replace(/[/.-]/g, '\\$&')}\\s*$`);
  lines.forEach((l, i) => {
    if (!marker.test(l)) return;
    let j = i + 1;
    while (j < lines.length && /ruleid:/.test(lines[j]!)) j++;
    out.push(j + 1);
  });
  return out.length > 0 ? out : undefined;
}

async function findingsIn(file: string, rule: (typeof IAC_RULES)[number]) {
  const text = readFileSync(file, 'utf8');
  const path = file.slice(ROOT.length + 1);
  const { drafts, diagnostics } = await analyse([{ path, text }], [rule]);
  return { text, drafts: drafts.filter((d) => d.ruleId === rule.id), diagnostics };
}

describe('IaC rule metadata', () => {
  it('has unique ids', () => {
    const ids = IAC_RULES.map((r) => r.id);
    expect(ids.length).toBe(new Set(ids).size);
  });
  it.each(IAC_RULES.map((r) => [r.id, r] as const))('%s is complete', (_id, r) => {
    expect(r.id).toMatch(/^iac\/[a-z0-9]+(-[a-z0-9]+)+$/);
    expect(r.title.length).toBeGreaterThan(10);
    expect(r.description.length).toBeGreaterThan(40);
    expect(r.remediation.length).toBeGreaterThan(20);
    expect(r.resourceTypes.length).toBeGreaterThan(0);
    expect(r.nist.length).toBeGreaterThan(0);
    for (const n of r.nist) expect(NIST[n], `unknown NIST 800-53 control ${n}`).toBeDefined();
    for (const c of r.cis) expect(c).toMatch(CIS);
  });
});

describe.each(IAC_RULES.map((r) => [r.id, r] as const))('%s examples', (id, rule) => {
  const dir = join(ROOT, id.slice('iac/'.length));
  const files = (() => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  })();
  const positives = files.filter((f) => f.startsWith('positive'));
  const negatives = files.filter((f) => f.startsWith('negative'));

  it('has a positive and a negative example', () => {
    expect(positives.length, `no ${dir}/positive*`).toBeGreaterThan(0);
    expect(negatives.length, `no ${dir}/negative*`).toBeGreaterThan(0);
  });
  it.each(positives)('reports the marked lines of %s', async (f) => {
    const { text, drafts, diagnostics } = await findingsIn(join(dir, f), rule);
    expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    const want = expectedLines(text, id);
    if (want) expect(drafts.map((d) => d.location.startLine).sort((a, b) => a! - b!)).toEqual(want);
    else expect(drafts.length).toBeGreaterThan(0);
  });
  it.each(negatives)('reports nothing in %s', async (f) => {
    const { drafts, diagnostics } = await findingsIn(join(dir, f), rule);
    expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(drafts.map((d) => d.message)).toEqual([]);
  });
});
