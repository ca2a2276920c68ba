import { describe, expect, it } from 'vitest';
import { renderTable } from './table.js';
import { cleanReport, largeReport, sampleReport, shownSecret } from './test-report.js';

const ANSI = /\u001b\[[0-9;]*m/g;
const plain = (report = sampleReport()) => renderTable(report, { color: false });

/** From a heading line to the next line that starts at column 0 (the next heading). */
function section(out: string, heading: string): string {
  const start = out.indexOf(`\n${heading}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = /\n(?=\S)/g;
  next.lastIndex = start + 1;
  const end = next.exec(out)?.index;
  return out.slice(start, end);
}

describe('table format', () => {
  it('groups findings by severity, most severe first', () => {
    const out = plain();
    const order = ['CRITICAL  1 finding', 'HIGH  3 findings', 'MEDIUM  1 finding', 'LOW  1 finding'];
    const at = order.map((h) => out.indexOf(`\n${h}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(out).not.toContain('INFO  ');
  });

  it('shows each finding with title, path:line, message, redacted secret and the deciding policy rule', () => {
    const crit = section(plain(), 'CRITICAL');
    expect(crit).toContain('[FAIL] AWS access key ID (secrets/aws-access-key-id)');
    expect(crit).toContain('at      src/a|b <c>.js:3');
    expect(crit).toContain('message AWS access key ID in source code');
    expect(crit).toContain(`secret  ${shownSecret('secrets/aws-access-key-id')}\n`);
    expect(crit).toContain(
      'gate    fail (gate.rules[block-live-secrets]): A secret in the code always blocks. To pass',
    );
  });

  it('tells how to fix a blocking finding in two lines and how to accept the risk', () => {
    const crit = section(plain(), 'CRITICAL');
    expect(crit).toContain('fix     Deactivate the key in AWS IAM now');
    expect(crit).toContain('        Load credentials from the environment');
    expect(crit).not.toContain('git filter-repo');
    const fp = sampleReport().result.findings[0]!.fingerprint;
    expect(crit).toContain(
      `accept  add to gatehouse.yml and have it approved:\n            exceptions:\n              - fingerprint: ${fp} # secrets/aws-access-key-id in src/a|b <c>.js:3\n`,
    );
    expect(crit).toMatch(/reason: .*\n.*approver: .*\n.*expires: /);
  });

  it('gives no fix or exception snippet for findings that do not block', () => {
    const medium = section(plain(), 'MEDIUM');
    expect(medium).toContain('[WARN]');
    expect(medium).not.toContain('fix ');
    expect(medium).not.toContain('fingerprint:');
  });

  it('calls out an expired exception, and shows git history and baseline status', () => {
    const high = section(plain(), 'HIGH');
    expect(high).toContain('note    exception EXC-7 expired on 2024-01-31 and no longer applies');
    expect(high).toContain('history commit 4b825dc642cb by Jane Doe on 2023-04-01T10:20:30Z');
    expect(high).toContain(
      'gate    report, existing in the baseline (gate.new_only): Present in the baseline',
    );
    expect(plain()).toContain('expired      1 exception expired and no longer applies');
  });

  it('lists excepted findings compactly at the end, not in the severity groups', () => {
    const out = plain();
    expect(section(out, 'HIGH')).not.toContain('github-pat');
    const block = section(out, '1 finding excepted or ignored');
    expect(block).toContain(
      'exceptions[EXC-12]: 1 finding — Excepted by EXC-12 (gatehouse.yml), approved by alice until 2099-12-31',
    );
    expect(block).toContain('    high     secrets/github-pat  scripts/deploy.sh:12');
  });

  it('groups many excepted findings under their exception and counts the rest', () => {
    const report = largeReport(40);
    for (const d of report.gate.findings) {
      Object.assign(d, {
        action: 'ignore',
        status: 'excepted',
        policyRule: 'exceptions[EXC-9]',
        reason: 'Excepted by EXC-9',
      });
    }
    const out = renderTable(report, { color: false });
    expect(out).toContain('exceptions[EXC-9]: 40 findings — Excepted by EXC-9');
    expect(out).toContain('… and 35 more');
    expect(out.split('\n').length).toBeLessThan(40);
  });

  it('summarises counts, scanners, diagnostics, and ends with the verdict', () => {
    const out = plain();
    expect(out).toContain('findings     7: 1 critical, 4 high, 1 medium, 1 low, 0 info');
    expect(out).toContain(
      [
        '    name     status   files  MiB    ms  findings',
        '    iac      partial     23  0.0    87         4',
        '    secrets  ok         412  5.2  1234         3',
      ].join('\n'),
    );
    expect(out).toContain('diagnostics  4: 2 binary-file, 1 file-too-large, 1 parse-error');
    expect(out).toContain('error parse-error iac deploy/k8s/broken.yaml: invalid YAML');
    expect(out).not.toContain('error binary-file');
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      'FAIL  3 blocking findings; 1 warning, 2 reported, 1 excepted or ignored',
    );
  });

  it('says PASS when nothing was found', () => {
    const out = plain(cleanReport());
    expect(out).toContain('No findings.');
    expect(out.trimEnd().split('\n').at(-1)).toBe('PASS  no blocking findings');
  });

  it('colours only when asked, with the same text either way', () => {
    const coloured = renderTable(sampleReport(), { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI, '')).toBe(plain());
  });

  it('keeps terminal control sequences in paths and messages from reaching the terminal', () => {
    const report = sampleReport();
    const f = report.result.findings[0]!;
    f.location.path = 'evil\u001b[2J\u001b]0;pwned\u0007.js';
    f.message = 'line one\r\nline two\u202eevil';
    const out = plain(report);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(out).toContain('evil\ufffd[2J\ufffd]0;pwned\ufffd.js:3');
    expect(out).toContain('message line one\n            line two\ufffdevil');
  });
});
