import { afterAll, describe, expect, it } from 'vitest';
import { makeTree } from '../../test/tmp.js';
import { parseConfig } from './config.js';
import type { FindingDraft } from './finding.js';
import type { Rule } from './rule.js';
import { runScan } from './scan.js';
import type { Scanner } from './scanner.js';

const rule = (scanner: string): Rule => ({
  id: `${scanner}/note`,
  scanner,
  title: 'A NOTE comment',
  description: 'Finds NOTE comments; a scanner made for this test.',
  severity: 'low',
  confidence: 'high',
  cwe: [],
  controls: [],
  remediation: 'Do the thing.',
  references: [],
  tags: [],
});

/** A real scanner over the discovered files, small enough to reason about in a test. */
function noteScanner(name: string, failAfter?: number): Scanner {
  return {
    name,
    description: 'test scanner',
    rules: () => [rule(name)],
    wants: (f) => f.path.endsWith('.js'),
    async *scan(ctx): AsyncIterable<FindingDraft> {
      let n = 0;
      for (const f of ctx.files) {
        if (failAfter !== undefined && n++ >= failAfter) throw new Error(`${name} broke on ${f.path}`);
        ctx.progress.advance(1, f.size);
        yield {
          ruleId: `${name}/note`,
          message: 'NOTE',
          location: { path: f.path, startLine: 1 },
          fingerprintContent: 'note',
        };
      }
    },
  };
}

const t = makeTree({ 'a.js': '// NOTE', 'b.js': '// NOTE', 'c.txt': 'NOTE' });
afterAll(t.cleanup);
const run = (scanners: Scanner[]) =>
  runScan({
    root: t.root,
    scanners,
    config: parseConfig({}, 't'),
    scan: { gitHistory: false, maxFileSize: 1e6, threads: 1 },
  });

describe('runScan', () => {
  it('gives each scanner only the files it wants, and times it', async () => {
    const r = await run([noteScanner('one')]);
    expect(r.findings.map((f) => f.location.path)).toEqual(['a.js', 'b.js']);
    expect(r.scanners).toEqual([
      expect.objectContaining({ name: 'one', status: 'ok', files: 2, findings: 2 }),
    ]);
    expect(r.findings[0]).toMatchObject({
      title: 'A NOTE comment',
      severity: 'low',
      remediation: 'Do the thing.',
    });
  });

  it("reports a failing scanner and keeps the others' findings", async () => {
    const r = await run([noteScanner('good'), noteScanner('bad', 1)]);
    expect(r.scanners.map((s) => [s.name, s.status])).toEqual([
      ['good', 'ok'],
      ['bad', 'failed'],
    ]);
    expect(r.scanners[1]!.error).toBe('bad broke on b.js');
    expect(r.findings.filter((f) => f.scanner === 'good')).toHaveLength(2);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'scanner-failed', scanner: 'bad' })]);
  });

  it('refuses a finding that names a rule its scanner does not declare', async () => {
    const liar: Scanner = {
      ...noteScanner('liar'),
      async *scan() {
        yield { ruleId: 'liar/unknown', message: 'x', location: { path: 'a.js' }, fingerprintContent: 'x' };
      },
    };
    const r = await run([liar]);
    expect(r.scanners[0]!.status).toBe('failed');
  });
});
