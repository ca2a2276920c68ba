import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { evaluateLicense, type LicensePolicy, licensePolicyProblems } from './evaluate.js';

type Case = [expression: string, policy: LicensePolicy, verdict: ReturnType<typeof evaluateLicense>];

describe('evaluateLicense', () => {
  it.each<Case>([
    // OR: one acceptable branch is enough; AND: every part must be.
    ['MIT OR GPL-3.0-only', { allow: ['MIT'] }, 'allowed'],
    ['MIT AND GPL-3.0-only', { allow: ['MIT'] }, 'denied'],
    ['(MIT OR ISC) AND BSD-3-Clause', { allow: ['ISC', 'BSD-3-Clause'] }, 'allowed'],
    ['(MIT OR ISC) AND (BSD-3-Clause OR GPL-2.0-only)', { allow: ['ISC', 'GPL-2.0-only'] }, 'allowed'],
    ['MIT AND (GPL-2.0-only OR ISC)', { allow: ['MIT'] }, 'denied'],
    ['MIT OR AGPL-3.0-only', { deny: ['AGPL-3.0-only'] }, 'allowed'],
    ['MIT AND AGPL-3.0-only', { deny: ['AGPL-3.0-only'] }, 'denied'],
    // Aliases and deprecated ids on either side.
    ['Apache 2.0', { allow: ['Apache-2.0'] }, 'allowed'],
    ['GPL-3.0', { deny: ['GPLv3'] }, 'denied'],
    ['GPL-2.0+', { allow: ['GPL-3.0-only'] }, 'allowed'],
    // -or-later: the licensee may take any later version.
    ['GPL-2.0-or-later', { allow: ['GPL-3.0-only'] }, 'allowed'],
    ['GPL-2.0-only', { allow: ['GPL-3.0-only'] }, 'denied'],
    ['GPL-3.0-only', { allow: ['GPL-2.0-or-later'] }, 'allowed'],
    ['GPL-3.0-only', { allow: ['GPL-2.0-only'] }, 'denied'],
    ['GPL-3.0-or-later', { allow: ['GPL-2.0-only'] }, 'denied'],
    ['LGPL-2.0-or-later', { allow: ['LGPL-2.1-only'] }, 'allowed'],
    ['Apache-1.1+', { allow: ['Apache-2.0'] }, 'allowed'],
    ['GPL-2.0-or-later', { deny: ['GPL-3.0-only'] }, 'allowed'],
    ['GPL-2.0-or-later', { deny: ['GPL-2.0-only', 'GPL-3.0-only'] }, 'denied'],
    ['GPL-3.0-or-later', { deny: ['GPL-3.0'] }, 'denied'],
    ['GPL-3.0-only', { deny: ['GPL-2.0-or-later'] }, 'denied'],
    ['AGPL-3.0-only', { deny: ['GPL-2.0-or-later'] }, 'allowed'],
    // Versions are not families: a later CDDL is not the allowed one.
    ['CDDL-1.1', { allow: ['CDDL-1.0'] }, 'denied'],
    ['LGPL-2.1-only', { allow: ['LGPL-3.0-only'] }, 'denied'],
    ['EUPL-1.2', { allow: ['EUPL-1.1'] }, 'denied'],
    // WITH: an exception adds permissions.
    ['Apache-2.0 WITH LLVM-exception', { allow: ['Apache-2.0'] }, 'allowed'],
    ['GPL-2.0-only WITH Classpath-exception-2.0', { deny: ['GPL-2.0-only'] }, 'denied'],
    [
      'GPL-2.0-only WITH Classpath-exception-2.0',
      { allow: ['GPL-2.0-only WITH Classpath-exception-2.0'], deny: ['GPL-2.0-only'] },
      'allowed',
    ],
    ['GPL-2.0-only', { allow: ['GPL-2.0-only WITH Classpath-exception-2.0'] }, 'denied'],
    [
      'GPL-2.0-only WITH GCC-exception-2.0',
      { allow: ['GPL-2.0-only WITH Classpath-exception-2.0'] },
      'denied',
    ],
    // Unknown: outside the SPDX list and not named by the policy.
    ['LicenseRef-acme', { allow: ['MIT'] }, 'unknown'],
    ['LicenseRef-acme', { allow: ['LicenseRef-acme'] }, 'allowed'],
    ['LicenseRef-acme', { deny: ['LicenseRef-acme'] }, 'denied'],
    ['LicenseRef-Acme-EULA', { allow: ['licenseref-acme-eula'] }, 'allowed'],
    ['MIT AND LicenseRef-acme', {}, 'unknown'],
    ['MIT OR LicenseRef-acme', {}, 'allowed'],
    ['GPL-3.0-only AND LicenseRef-acme', { allow: ['MIT'] }, 'denied'],
    ['GPL-3.0-only OR LicenseRef-acme', { allow: ['MIT'] }, 'unknown'],
    ['UNLICENSED', {}, 'unknown'],
    ['SEE LICENSE IN LICENSE', { allow: ['MIT'] }, 'unknown'],
    ['', { allow: ['MIT'] }, 'unknown'],
    // No allow list: every listed license not denied is fine; an empty allow list is no allow list.
    ['WTFPL', {}, 'allowed'],
    ['WTFPL', { allow: [] }, 'allowed'],
    ['WTFPL', { deny: ['wtfpl'] }, 'denied'],
  ])('%s under %j is %s', (expression, policy, verdict) => {
    expect(evaluateLicense(expression, policy)).toBe(verdict);
  });

  it('agrees with spdx-satisfies except where its 8-character id bug bites', () => {
    // spdx-satisfies 6.0.0 checks the `-or-later` suffix with an off-by-one indexOf, so any
    // 8-character id (CDDL-1.0, LGPL-2.1, APSL-2.0) is treated as "or later": CDDL-1.1 would
    // pass an allow list of CDDL-1.0. That is why evaluateLicense does not delegate to it.
    const satisfies = createRequire(import.meta.url)('spdx-satisfies') as (e: string, a: string[]) => boolean;
    const agree: [string, string[]][] = [
      ['MIT OR GPL-3.0-only', ['MIT']],
      ['MIT AND GPL-3.0-only', ['MIT']],
      ['(MIT OR ISC) AND BSD-3-Clause', ['ISC', 'BSD-3-Clause']],
      ['GPL-2.0-or-later', ['GPL-3.0-only']],
      ['GPL-3.0-only', ['GPL-2.0-or-later']],
      ['GPL-2.0-only', ['GPL-3.0-only']],
      ['Apache-2.0', ['MIT', 'Apache-2.0']],
      ['LicenseRef-acme', ['MIT']],
    ];
    for (const [expression, allow] of agree) {
      expect(evaluateLicense(expression, { allow }) === 'allowed').toBe(satisfies(expression, allow));
    }
    expect(satisfies('CDDL-1.1', ['CDDL-1.0'])).toBe(true);
    expect(evaluateLicense('CDDL-1.1', { allow: ['CDDL-1.0'] })).toBe('denied');
  });

  it('refuses policy entries that are not single licenses', () => {
    const policy = { allow: ['MIT OR Apache-2.0', 'not a license at all'], deny: ['GPL-3.0'] };
    expect(licensePolicyProblems(policy)).toEqual([
      expect.stringContaining('licenses.allow: "MIT OR Apache-2.0" is not a single SPDX license id'),
      expect.stringContaining('licenses.allow: "not a license at all"'),
    ]);
    expect(() => evaluateLicense('MIT', policy)).toThrow(/MIT OR Apache-2.0/);
    expect(licensePolicyProblems({ allow: ['mit', 'Apache 2.0', 'GPL-2.0+', 'LicenseRef-x'] })).toEqual([]);
  });

  it('evaluates a hostile expression without hanging', () => {
    const started = performance.now();
    expect(evaluateLicense(`${'MIT AND '.repeat(60)}MIT`, { allow: ['MIT'] })).toBe('allowed');
    expect(evaluateLicense('MIT OR '.repeat(10_000), { allow: ['MIT'] })).toBe('unknown');
    expect(performance.now() - started).toBeLessThan(30_000); // hang guard: speed is measured in bench/
  });
});
