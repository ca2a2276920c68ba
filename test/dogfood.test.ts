import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gatehouse } from './cli.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('this repository', () => {
  it('passes its own gate (gatehouse.yml at the root)', () => {
    const r = gatehouse(['scan', ROOT, '--format', 'json'], { cwd: ROOT });
    const report = JSON.parse(r.stdout) as {
      verdict: string;
      findings: { ruleId: string; location: { path: string }; gate: { action: string } }[];
    };
    const blocking = report.findings
      .filter((f) => f.gate.action === 'fail')
      .map((f) => `${f.ruleId} ${f.location.path}`);
    expect(blocking).toEqual([]);
    expect(r.code).toBe(0);
  });
});
