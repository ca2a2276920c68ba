import { describe, expect, it } from 'vitest';
import { hashOptions, logicalLines, splitOptions } from './requirements-lines.js';

describe('logicalLines', () => {
  it('joins continuations, keeps the first line number and cuts comments', () => {
    const text = '# header\n\npkgA==1.0 \\\n  --hash=sha256:123\n# note\npkgB==2.0 # pinned\r\n';
    expect(logicalLines(text)).toEqual([
      { text: 'pkgA==1.0  --hash=sha256:123', line: 3 },
      { text: 'pkgB==2.0', line: 6 },
    ]);
  });

  it('ends a continuation at a comment line without joining the comment', () => {
    expect(logicalLines('pkg==1.0 \\\n# comment\nnext==2.0')).toEqual([
      { text: 'pkg==1.0', line: 1 },
      { text: 'next==2.0', line: 3 },
    ]);
  });

  it('keeps a URL fragment, which is not preceded by whitespace', () => {
    expect(logicalLines('git+https://h/r.git#egg=pkg')).toEqual([
      { text: 'git+https://h/r.git#egg=pkg', line: 1 },
    ]);
  });

  it('ends a continuation at a blank line and keeps words of continued lines apart', () => {
    expect(logicalLines('a==1\\\n\nb==2\nc\\\n    ==3')).toEqual([
      { text: 'a==1', line: 1 },
      { text: 'b==2', line: 3 },
      { text: 'c ==3', line: 4 },
    ]);
  });

  it('accepts a backslash on the last line', () => {
    expect(logicalLines('pkg1==1.0 \\')).toEqual([{ text: 'pkg1==1.0', line: 1 }]);
  });
});

describe('splitOptions and hashOptions', () => {
  it('splits at the first word that starts with a dash', () => {
    expect(splitOptions('foo==1.0; python_version < "2.7" --hash=sha256:1 --hash sha256:2 -C x')).toEqual({
      requirement: 'foo==1.0; python_version < "2.7"',
      options: ['--hash=sha256:1', '--hash', 'sha256:2', '-C', 'x'],
    });
    expect(hashOptions(['--hash=sha256:1', '--hash', 'sha256:2', '-C', 'x', '--hash'])).toEqual([
      'sha256:1',
      'sha256:2',
    ]);
  });
});
