import { describe, expect, it } from 'vitest';
import { MARKDOWN_LIMIT, renderMarkdown } from './markdown.js';
import { mdCode, mdFence, mdLines, mdText } from './markdown-escape.js';
import { cleanReport, largeReport, sampleReport, shownSecret } from './test-report.js';

/** The cells of the table rows under `heading` (up to the first blank line). */
function rows(md: string, heading: string): string[][] {
  const start = md.indexOf(heading);
  const block = md.slice(start).split('\n\n')[1]!;
  return block
    .split('\n')
    .slice(2)
    .map((r) =>
      r
        .slice(2, -2)
        .split(/(?<!\\) \| /)
        .map((c) => c.trim()),
    );
}

describe('markdown format', () => {
  it('opens with the verdict as a word and the blocking count', () => {
    const md = renderMarkdown(sampleReport());
    expect(
      md.startsWith(
        '## Gatehouse: FAIL\n\n**3 blocking findings; 1 warning, 2 reported, 1 excepted or ignored**',
      ),
    ).toBe(true);
    expect(renderMarkdown(cleanReport()).startsWith('## Gatehouse: PASS\n\n**no blocking findings**')).toBe(
      true,
    );
  });

  it('tables the blocking findings with escaped paths, secrets and expired exceptions', () => {
    const table = rows(renderMarkdown(sampleReport()), '### Blocking findings');
    expect(table).toHaveLength(3);
    expect(table[0]).toEqual([
      'critical',
      'AWS access key ID<br>`secrets/aws-access-key-id`',
      '`src/a\\|b <c>.js:3`',
      `AWS access key ID in source code<br>secret \`${shownSecret('secrets/aws-access-key-id')}\``,
    ]);
    expect(table[1]![3]).toBe(
      "Container 'web' runs privileged<br>**exception EXC-7 expired on 2024-01-31 and no longer applies**",
    );
    expect(table[2]![2]).toBe('`old/config.js:7`<br>in history, commit `4b825dc642cb`');
  });

  it('says how to fix each blocking rule and how to request an exception', () => {
    const md = renderMarkdown(sampleReport());
    expect(md).toContain(
      '- **AWS access key ID** (`secrets/aws-access-key-id`, 1 finding): Deactivate the key in AWS IAM now and create a new one: treat the old one as leaked. Load credentials',
    );
    expect(md).toContain('### How to request an exception');
    expect(md).toMatch(
      /```yaml\nexceptions:\n {2}- fingerprint: [0-9a-f]{32} # secrets\/aws-access-key-id in src\/a\|b <c>\.js:3\n {4}reason: ""/,
    );
  });

  it('folds warnings and the other findings into <details>', () => {
    const md = renderMarkdown(sampleReport());
    expect(md).toContain('<details>\n<summary>Warnings (1)</summary>\n\n| Severity |');
    expect(md).toContain('<summary>Other findings (3): reported, existing, excepted or ignored</summary>');
    const warn = rows(md, '<summary>Warnings');
    expect(warn[0]![3]).toBe(
      "Base image 'node:latest' is 100% unpinned<br>Pin it: FROM node:20.11::sha256 (50% of builds differ)",
    );
    const other = rows(md, '<summary>Other findings').map((r) => r[3]);
    expect(other).toEqual([
      'existing (in the baseline)',
      'reported',
      'Excepted by EXC-12 (gatehouse.yml), approved by alice until 2099-12-31: read-only token for a public mirror, rotated monthly',
    ]);
  });

  it('lists scanners and summarises diagnostics', () => {
    const md = renderMarkdown(sampleReport());
    expect(md).toContain('| secrets | ok | 412 | 5.2 | 1234 | 3 |');
    expect(md).toContain('**Diagnostics:** 4 (2 `binary-file`, 1 `file-too-large`, 1 `parse-error`)');
    expect(md).toContain('- error `deploy/k8s/broken.yaml` (iac) invalid YAML at line 4');
  });

  it('escapes user text: no HTML, no table breaks, no code breaks, no mentions', () => {
    expect(mdText('a|b <script>x</script> & `c` *d* _e_ [l](u) @octocat')).toBe(
      'a\\|b &lt;script&gt;x&lt;/script&gt; &amp; \\`c\\` \\*d\\* \\_e\\_ \\[l\\](u) @\u200boctocat',
    );
    expect(mdLines('one\ntwo|')).toBe('one<br>two\\|');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdCode('a|b', true)).toBe('`a\\|b`');
    expect(mdFence('yaml', ['```'])).toEqual(['````yaml', '```', '````']);

    const report = sampleReport();
    report.result.findings[0]!.message = 'see <img src=x onerror=alert(1)> | @admin `x`\n## heading';
    const md = renderMarkdown(report);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('@admin');
    expect(md).not.toContain('\n## heading');
    const table = rows(md, '### Blocking findings');
    expect(table[0]).toHaveLength(4);
  });

  it('stays under the comment limit and says how many findings it left out', () => {
    const report = largeReport(5000);
    const md = renderMarkdown(report);
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    const blockingRows = rows(md, '### Blocking findings').length;
    expect(blockingRows).toBeGreaterThan(50);
    expect(blockingRows).toBeLessThan(1250);
    expect(md).toContain(`_${1250 - blockingRows} more findings not shown: see the JSON or SARIF report`);
    expect(md).toContain('<summary>Warnings (1250)</summary>\n\n_1250 more findings not shown');
    expect(md).toContain('### Scanners');
    expect(md).toContain('# ... and 1240 more: every fingerprint is in the JSON and SARIF reports');
  });
});
