import { describe, expect, it } from 'vitest';
import type { LockfileInput } from './parser.js';
import { LockfileError, MAX_LOCKFILE_BYTES } from './parser.js';
import { requirementsTxtParser as parser } from './requirements-txt.js';

function input(
  text: string,
  files: Record<string, string> = {},
  path = 'app/requirements.txt',
): LockfileInput {
  return { path, text, readFile: (p) => files[p] };
}

function summary(text: string, files: Record<string, string> = {}) {
  const result = parser.parse(input(text, files));
  return {
    packages: result.packages.map((p) => [p.name, p.version, p.resolved, p.constraint ?? null]),
    warnings: result.warnings.map((w) => w.message),
  };
}

describe('requirements.txt parser', () => {
  it('matches requirements and constraints files only', () => {
    for (const path of [
      'requirements.txt',
      'a/requirements-dev.txt',
      'requirements/base.txt',
      'dev-requirements.txt',
    ]) {
      expect(parser.matches(path), path).toBe(true);
    }
    expect(parser.matches('constraints.txt')).toBe(true);
    for (const path of ['notes.txt', 'requirements.in', 'setup.py', 'myrequirements.txt']) {
      expect(parser.matches(path), path).toBe(false);
    }
  });

  it('resolves exact pins and never a range, normalising versions but not names', () => {
    const result = parser.parse(input('Django==4.2.1\nflask>=2.0\nPyCrypto==1.2-alpha\nnumpy\n'));
    expect(result.packages).toEqual([
      expect.objectContaining({
        name: 'Django',
        version: '4.2.1',
        resolved: true,
        purl: expect.stringContaining('django'),
      }),
      expect.objectContaining({ name: 'flask', version: '', resolved: false, constraint: '>=2.0' }),
      expect.objectContaining({ name: 'PyCrypto', version: '1.2a0', resolved: true }),
      expect.objectContaining({ name: 'numpy', version: '', resolved: false }),
    ]);
    expect(result.packages.every((p) => p.direct === true && p.ecosystem === 'PyPI')).toBe(true);
    expect(result.packages[0]!.source).toEqual({ path: 'app/requirements.txt', line: 1 });
    expect(result.packages[1]!).not.toHaveProperty('constraint', '2.0');
  });

  it('keeps valid hashes from continued lines and drops malformed ones', () => {
    const sha = 'a'.repeat(64);
    const text = `pkg==1.0 \\\n  --hash=sha256:${sha} \\\n  --hash=sha256:123 --hash=md5:zz\n`;
    expect(parser.parse(input(text)).packages[0]!.hashes).toEqual([{ alg: 'SHA-256', value: sha }]);
  });

  it('follows -r and --requirement relative to the including file, recording where each entry is', () => {
    const files = {
      'app/reqs/base.txt': '# shared\nrequests==2.31.0\n--requirement=../more.txt',
      'app/more.txt': 'six>=1.16',
    };
    const result = parser.parse(input('flask==3.0.0\n-r reqs/base.txt', files));
    expect(result.packages.map((p) => [p.name, p.source, p.declaredIn])).toEqual([
      ['flask', { path: 'app/requirements.txt', line: 1 }, undefined],
      ['requests', { path: 'app/requirements.txt', line: 2 }, { path: 'app/reqs/base.txt', line: 2 }],
      ['six', { path: 'app/requirements.txt', line: 2 }, { path: 'app/more.txt', line: 1 }],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('files warnings about an included file under that file and its line', () => {
    const files = { 'app/base.txt': 'ok==1\n--foo\nbad==1.0.0.0.0.x' };
    expect(parser.parse(input('-r base.txt', files)).warnings).toEqual([
      { message: 'unknown option "--foo"; line ignored', path: 'app/base.txt', line: 2 },
      {
        message: expect.stringContaining('"bad==1.0.0.0.0.x" is not a valid requirement'),
        path: 'app/base.txt',
        line: 3,
      },
    ]);
  });

  it('keeps environment markers, joining those of lines that name one package with "or"', () => {
    const text = [
      'pywin32==306 ; sys_platform == "win32"',
      "importlib-metadata>=4 ; python_version < '3.8'",
      "importlib_metadata<7; python_version < '3.10'",
      'urllib3 @ https://example.org/urllib3-2.0.0.tar.gz ; python_version >= "3.8"',
      'six==1.16.0',
      'six==1.16.0 ; python_version < "3"',
    ].join('\n');
    const markers = parser.parse(input(text)).packages.map((p) => [p.name, p.markers]);
    expect(markers).toEqual([
      ['pywin32', 'sys_platform == "win32"'],
      ['importlib-metadata', "(python_version < '3.8') or (python_version < '3.10')"],
      ['urllib3', 'python_version >= "3.8"'],
      // One line without markers installs it everywhere.
      ['six', undefined],
    ]);
  });

  it('uses -c pins to resolve requirements without adding the constrained-only packages', () => {
    const files = { 'app/constraints.txt': 'requests==2.31.0\nurllib3==2.0.7\nflask==1.0' };
    expect(summary('-c constraints.txt\nrequests>=2\nflask>=2', files)).toEqual({
      packages: [
        ['requests', '2.31.0', true, null],
        ['flask', '', false, '>=2'],
      ],
      warnings: [
        'flask (app/requirements.txt:3): constraint 1.0 (app/constraints.txt:3) does not satisfy ">=2"',
      ],
    });
  });

  it('reports include cycles and missing or unsafe includes and carries on', () => {
    const files = { 'app/a.txt': '-r b.txt\nalpha==1', 'app/b.txt': '-r a.txt\nbeta==1' };
    const { packages, warnings } = summary(
      '-r a.txt\n-r missing.txt\n-r ../../etc/passwd\n-r https://example.org/r.txt\n-r /etc/x.txt\n-r ${REQS}\ngamma==1',
      files,
    );
    expect(packages.map((p) => p[0])).toEqual(['beta', 'alpha', 'gamma']);
    expect(warnings).toEqual([
      'include cycle: app/requirements.txt -> app/a.txt -> app/b.txt -> app/a.txt; not followed again',
      'included file "missing.txt" (app/missing.txt) was not found',
      'include "../../etc/passwd" is outside the scanned tree; not followed',
      'include "https://example.org/r.txt" is a URL, which is never downloaded during a scan; not followed',
      'include "/etc/x.txt" is an absolute path; not followed',
      'include "${REQS}" depends on an environment variable; not followed',
    ]);
  });

  it('reads a file included twice once, without calling it a cycle', () => {
    const files = {
      'app/a.txt': '-r common.txt',
      'app/b.txt': '-r common.txt',
      'app/common.txt': 'six==1.16.0',
    };
    expect(summary('-r a.txt\n-r b.txt', files)).toEqual({
      packages: [['six', '1.16.0', true, null]],
      warnings: [],
    });
  });

  it('stops a hostile include chain', () => {
    const files = Object.fromEntries(
      Array.from({ length: 100 }, (_, i) => [`app/r${i}.txt`, `-r r${i + 1}.txt\np${i}==1`]),
    );
    const result = parser.parse(input('-r r0.txt', files));
    expect(result.packages.length).toBeLessThan(40);
    expect(result.warnings.some((w) => w.message.includes('nest deeper'))).toBe(true);
  });

  it('reports URL, VCS and editable requirements as unresolved with the location as constraint', () => {
    const text = [
      'urllib3 @ https://github.com/urllib3/urllib3/archive/refs/tags/1.26.8.zip',
      '-e git+https://github.com/org/repo.git@main#egg=mylib',
      '-e .',
      './wheels/numpy-1.9.2-cp34-none-win32.whl',
      'https://example.org/anonymous.tar.gz',
    ].join('\n');
    expect(summary(text)).toEqual({
      packages: [
        ['urllib3', '', false, 'https://github.com/urllib3/urllib3/archive/refs/tags/1.26.8.zip'],
        ['mylib', '', false, 'git+https://github.com/org/repo.git@main#egg=mylib'],
        ['numpy', '1.9.2', true, null],
      ],
      warnings: ['cannot tell the package name of "https://example.org/anonymous.tar.gz"; skipped'],
    });
  });

  it('never copies credentials of private URLs into constraints or warnings', () => {
    const { packages, warnings } = summary(
      '-e git+https://ghp_secret@github.com/o/r.git#egg=r\nhttps://u:pw@host/a.tar.gz',
    );
    expect(JSON.stringify({ packages, warnings })).not.toMatch(/ghp_secret|pw@/);
    expect(packages[0]![3]).toBe('git+https://***@github.com/o/r.git#egg=r');
  });

  it('merges lines naming one package and keeps distinct pins split by markers', () => {
    const text =
      'Foo_Bar>=1\nfoo-bar<3\nnumpy==1.24.0; python_version<"3.9"\nnumpy==1.26.0; python_version>="3.9"';
    expect(summary(text).packages).toEqual([
      ['Foo_Bar', '', false, '>=1,<3'],
      ['numpy', '1.24.0', true, null],
      ['numpy', '1.26.0', true, null],
    ]);
  });

  it('ignores index options, warns about unknown options, invalid lines and environment variables', () => {
    const text = '--index-url https://pypi.example/simple\n--foo=1\nasdf==\nqwert==${VERSION}\nok==1';
    expect(summary(text)).toEqual({
      packages: [
        ['qwert', '', false, '==${VERSION}'],
        ['ok', '1', true, null],
      ],
      warnings: [
        'unknown option "--foo"; line ignored',
        '"asdf==" is not a valid requirement ("==" is not a version clause); pip would refuse this file',
        'qwert: the version comes from ${VERSION}, unknown here',
      ],
    });
  });

  it('survives binary garbage and refuses oversized files', () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    expect(() => parser.parse(input(garbage))).not.toThrow();
    expect(() => parser.parse(input('a'.repeat(MAX_LOCKFILE_BYTES + 1)))).toThrow(LockfileError);
  });

  it('stays linear on long files and on lines built to make regular expressions backtrack', () => {
    const pins = Array.from({ length: 20000 }, (_, i) => `pkg${i}==1.${i}.0 --hash=sha256:${'b'.repeat(64)}`);
    const blanks = ' '.repeat(200_000);
    const text = [...pins, `x${blanks}y`, `u @ http://h/${blanks}`, `a==1${blanks};`, `-r${blanks}`].join(
      '\n',
    );
    const started = performance.now();
    expect(parser.parse(input(text)).packages.length).toBeGreaterThanOrEqual(20000);
    // Generous: the machine is shared; a quadratic path takes minutes here, not seconds.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
