import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, renderGithub } from './github.js';
import { cleanReport, sampleReport, shownSecret } from './test-report.js';

const AWS_SECRET = shownSecret('secrets/aws-access-key-id');

const lines = (out: string) => out.trimEnd().split('\n');

/** Reads a workflow command line back the way the runner does. */
function parseCommand(line: string): { command: string; props: Record<string, string>; message: string } {
  const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const decode = (s: string) =>
    s
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%');
  const props = Object.fromEntries(
    (m[2] ?? '')
      .split(',')
      .filter(Boolean)
      .map((p) => {
        const [k, ...v] = p.split('=');
        return [k!, decode(v.join('='))];
      }),
  );
  return { command: m[1]!, props, message: decode(m[3]!) };
}

describe('github format', () => {
  it('annotates blocking findings as errors, warnings as warnings, reported ones as notices', () => {
    const commands = lines(renderGithub(sampleReport())).map(parseCommand);
    expect(commands.map((c) => c.command)).toEqual([
      'error',
      'error',
      'notice',
      'error',
      'warning',
      'notice',
      'notice',
    ]);
    expect(commands[0]!.props).toEqual({
      file: 'src/a|b <c>.js',
      line: '3',
      endLine: '3',
      col: '5',
      endColumn: '25',
      title: 'critical: AWS access key ID (secrets/aws-access-key-id)',
    });
    expect(commands[0]!.message.startsWith(`AWS access key ID in source code\nSecret: ${AWS_SECRET}\n`)).toBe(
      true,
    );
    expect(commands[0]!.message).toContain('\nFix: Deactivate the key in AWS IAM now');
    expect(commands[0]!.message).toMatch(/\nFingerprint: [0-9a-f]{32}$/);
  });

  it('does not annotate excepted or ignored findings', () => {
    const out = renderGithub(sampleReport());
    expect(out).not.toContain('scripts/deploy.sh');
    expect(out).not.toContain('github-pat');
  });

  it('mentions expired exceptions and git history', () => {
    const commands = lines(renderGithub(sampleReport())).map(parseCommand);
    expect(commands[1]!.message).toContain(
      '\nNote: exception EXC-7 expired on 2024-01-31 and no longer applies\n',
    );
    expect(commands[3]!.message).toContain('In git history: commit 4b825dc642cb by Jane Doe');
  });

  it('ends with a notice stating the verdict', () => {
    expect(lines(renderGithub(sampleReport())).at(-1)).toBe(
      '::notice::Gatehouse FAIL: 3 blocking findings; 1 warning, 2 reported, 1 excepted or ignored',
    );
    expect(renderGithub(cleanReport())).toBe('::notice::Gatehouse PASS: no blocking findings\n');
  });

  it('escapes data and properties as the workflow command spec says', () => {
    expect(escapeData('100% done\r\nnext :: a,b')).toBe('100%25 done%0D%0Anext :: a,b');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
    const warn = lines(renderGithub(sampleReport())).find((l) => l.startsWith('::warning'))!;
    expect(warn).toContain(
      "::Base image 'node:latest' is 100%25 unpinned%0APin it: FROM node:20.11::sha256 (50%25",
    );
  });

  it('lets no message or path start a command of its own', () => {
    const report = sampleReport();
    const f = report.result.findings[0]!;
    f.message = 'x\n::add-mask::nothing\r\n::stop-commands::token';
    f.location.path = 'p,title=forged:x\n::error::y';
    const out = lines(renderGithub(report));
    expect(out).toHaveLength(7);
    for (const line of out) expect(line).toMatch(/^::(error|warning|notice)[ :]/);
    const first = parseCommand(out[0]!);
    expect(first.props.file).toBe('p,title=forged:x\n::error::y');
    expect(first.props.title).toBe('critical: AWS access key ID (secrets/aws-access-key-id)');
    expect(first.message.startsWith('x\n::add-mask::nothing\n::stop-commands::token\n')).toBe(true);
  });

  it('leaves out line properties when the finding has no line', () => {
    const report = sampleReport();
    const loc = report.result.findings[0]!.location;
    for (const k of ['startLine', 'endLine', 'startColumn', 'endColumn'] as const) delete loc[k];
    expect(lines(renderGithub(report))[0]).toMatch(/^::error file=src\/a\|b <c>\.js,title=critical%3A /);
  });
});
