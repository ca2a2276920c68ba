import { describe, expect, it } from 'vitest';
import { normalizeLicense } from './normalize.js';

describe('normalizeLicense', () => {
  it.each([
    ['MIT', 'MIT'],
    ['mit', 'MIT'],
    ['apache-2.0', 'Apache-2.0'],
    ['MIT License', 'MIT'],
    ['The MIT License (MIT)', 'MIT'],
    ['Apache 2.0', 'Apache-2.0'],
    ['Apache-2', 'Apache-2.0'],
    ['Apache License, Version 2.0', 'Apache-2.0'],
    ['Apache Software License', 'Apache-2.0'],
    ['ASL 2.0', 'Apache-2.0'],
    ['BSD', 'BSD-3-Clause'],
    ['BSD License', 'BSD-3-Clause'],
    ['New BSD License', 'BSD-3-Clause'],
    ['BSD 3-Clause "New" or "Revised" License', 'BSD-3-Clause'],
    ['Simplified BSD', 'BSD-2-Clause'],
    ['2-clause BSD', 'BSD-2-Clause'],
    ['GPLv3', 'GPL-3.0-only'],
    ['GPLv2+', 'GPL-2.0-or-later'],
    ['GPL-2.0+', 'GPL-2.0-or-later'],
    ['GPL-2.0', 'GPL-2.0-only'],
    ['GPL-3.0-or-later', 'GPL-3.0-or-later'],
    ['LGPL-2.1', 'LGPL-2.1-only'],
    ['LGPLv2.1+', 'LGPL-2.1-or-later'],
    ['AGPL-3.0', 'AGPL-3.0-only'],
    ['GNU General Public License v2 or later (GPLv2+)', 'GPL-2.0-or-later'],
    ['GNU Lesser General Public License v3 (LGPLv3)', 'LGPL-3.0-only'],
    ['GNU Affero General Public License v3', 'AGPL-3.0-only'],
    ['Mozilla Public License 2.0 (MPL 2.0)', 'MPL-2.0'],
    ['MPL2', 'MPL-2.0'],
    ['EPL 2.0', 'EPL-2.0'],
    ['ISC License (ISCL)', 'ISC'],
    ['Python Software Foundation License', 'PSF-2.0'],
    ['Boost Software License 1.0 (BSL-1.0)', 'BSL-1.0'],
    ['zlib/libpng', 'Zlib'],
    ['CC0', 'CC0-1.0'],
    ['Unlicense', 'Unlicense'],
    ['The Unlicense', 'Unlicense'],
    ['LicenseRef-acme-eula', 'LicenseRef-acme-eula'],
  ])('%s → %s', (raw, expression) => {
    expect(normalizeLicense(raw)).toEqual({ expression });
  });

  it.each([
    ['(MIT OR Apache-2.0)', 'MIT OR Apache-2.0'],
    ['mit or apache-2.0', 'MIT OR Apache-2.0'],
    ['MIT/Apache-2.0', 'MIT OR Apache-2.0'],
    ['(MIT OR Apache-2.0) AND BSD-3-Clause', '(MIT OR Apache-2.0) AND BSD-3-Clause'],
    ['MIT AND BSD-3-Clause OR ISC', '(MIT AND BSD-3-Clause) OR ISC'],
    ['Apache License 2.0 OR MIT', 'Apache-2.0 OR MIT'],
    ['GPLv2+ and BSD', 'GPL-2.0-or-later AND BSD-3-Clause'],
    ['Apache-2.0 WITH LLVM-exception', 'Apache-2.0 WITH LLVM-exception'],
    ['GPL-2.0-only with Classpath-exception-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0'],
    ['GPL-2.0-with-classpath-exception', 'GPL-2.0-only WITH Classpath-exception-2.0'],
    ['GPL-3.0-with-GCC-exception', 'GPL-3.0-only WITH GCC-exception-3.1'],
    ['Apache-1.1+', 'Apache-1.1+'],
  ])('expression %s → %s', (raw, expression) => {
    expect(normalizeLicense(raw)).toEqual({ expression });
  });

  it.each([
    'UNLICENSED',
    'SEE LICENSE IN LICENSE.md',
    'see license in ./EULA.txt',
    'Public Domain',
    'NOASSERTION',
    'GNU Library or Lesser General Public License (LGPL)',
    'GPL',
    'Proprietary',
    'MIT OR',
    'MIT AND AND ISC',
    'Apache-2.0 WITH not-an-exception',
    'constructor',
    '__proto__',
    'toString 2',
  ])('%s is unknown, kept as written', (raw) => {
    expect(normalizeLicense(raw)).toEqual({ unknown: raw });
  });

  it('gives nothing for blank text: no license is not an unknown license', () => {
    expect(normalizeLicense('')).toEqual({});
    expect(normalizeLicense('  \n')).toEqual({});
  });

  it('is idempotent on its own output', () => {
    for (const raw of [
      'GPLv2+ and BSD',
      'MIT/Apache-2.0',
      'GPL-2.0-with-classpath-exception',
      'Apache 2.0',
    ]) {
      const once = normalizeLicense(raw).expression!;
      expect(normalizeLicense(once)).toEqual({ expression: once });
    }
  });

  it('cuts pasted license texts and folds their lines', () => {
    const text = `MIT License\n\nCopyright (c) 2020 Someone\n\n${'Permission is hereby granted. '.repeat(40)}`;
    const { unknown } = normalizeLicense(text);
    expect(unknown).toMatch(/^MIT License Copyright \(c\) 2020 Someone Permission/);
    expect(unknown!.length).toBeLessThanOrEqual(201);
    expect(unknown).not.toContain('\n');
  });

  it('survives hostile input quickly', () => {
    const started = performance.now();
    for (const raw of [
      `${'('.repeat(5000)}MIT${')'.repeat(5000)}`,
      'MIT OR '.repeat(70),
      'a'.repeat(1_000_000),
      '\u0000\uFFFF\uD800',
      `${'MIT '.repeat(100)})`,
    ]) {
      expect(normalizeLicense(raw).unknown).toBeDefined();
    }
    expect(performance.now() - started).toBeLessThan(30_000); // hang guard: speed is measured in bench/
  });

  it('reads deeply parenthesised but short expressions', () => {
    expect(normalizeLicense(`${'('.repeat(100)}MIT${')'.repeat(100)}`)).toEqual({ expression: 'MIT' });
  });
});
