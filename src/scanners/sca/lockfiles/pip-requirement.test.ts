import { describe, expect, it } from 'vitest';
import { parsePipRequirement } from './pip-requirement.js';

describe('parsePipRequirement', () => {
  it.each([
    ['requests==2.31.0', { name: 'requests', pinned: '2.31.0', specifier: '==2.31.0' }],
    ['yolo===1.0', { name: 'yolo', pinned: '1.0', specifier: '===1.0' }],
    ['qwerty   == 0.1', { name: 'qwerty', pinned: '0.1', specifier: '==0.1' }],
    ['pyjwt [crypto] == 2.1.0', { name: 'pyjwt', pinned: '2.1.0', specifier: '==2.1.0' }],
    ['celery[redis, pytest]==4.4.7', { name: 'celery', pinned: '4.4.7', specifier: '==4.4.7' }],
    [
      'foo==1.0; python_version < "2.7"',
      { name: 'foo', pinned: '1.0', specifier: '==1.0', markers: 'python_version < "2.7"' },
    ],
    ['name (==1.0)', { name: 'name', pinned: '1.0', specifier: '==1.0' }],
    ['PyCrypto==1.2-alpha', { name: 'PyCrypto', pinned: '1.2-alpha', specifier: '==1.2-alpha' }],
    ['foo17--hash==1.0', { name: 'foo17--hash', pinned: '1.0', specifier: '==1.0' }],
  ])('pins %s', (text, expected) => {
    expect(parsePipRequirement(text)).toEqual(expected);
  });

  it.each([
    ['newspaper3k>=0.2.2', '>=0.2.2'],
    ['pkg<=1.2.3', '<=1.2.3'],
    ['coverage != 3.5', '!=3.5'],
    ['Mopidy-Dirble ~= 1.1', '~=1.1'],
    ['asdf==0.7.*', '==0.7.*'],
    ['requests [security] >= 2.8.1, == 2.8.* ; python_version < "2.7"', '>=2.8.1,==2.8.*'],
    ['pytest', ''],
  ])('keeps the range of %s without pinning it', (text, specifier) => {
    const parsed = parsePipRequirement(text);
    expect(parsed).toMatchObject({ specifier });
    expect(parsed).not.toHaveProperty('pinned', expect.anything());
  });

  it('pins one exact clause among several ranges', () => {
    expect(parsePipRequirement('django>=3,==3.2.1,<4')).toMatchObject({ pinned: '3.2.1' });
  });

  it.each([
    ["a[x]>=1 ; python_version < '3.8' and os_name == 'nt'", "python_version < '3.8' and os_name == 'nt'"],
    ['b @ https://h/b-1.0.tar.gz ; sys_platform == "linux"', 'sys_platform == "linux"'],
    // Without a blank beside it, a `;` belongs to the URL.
    ['c @ https://h/c.tar.gz;x', undefined],
    ['./wheels/d-1.0-py3-none-any.whl; python_version>"3"', 'python_version>"3"'],
    ['e==1 ;', undefined],
  ])('keeps the environment markers of %s as written', (text, markers) => {
    const parsed = parsePipRequirement(text);
    expect(typeof parsed).toBe('object');
    expect((parsed as { markers?: string }).markers).toBe(markers);
  });

  it('reports a version taken from an environment variable', () => {
    expect(parsePipRequirement('qwert==${MY_VARIABLE_1}')).toEqual({
      name: 'qwert',
      specifier: '==${MY_VARIABLE_1}',
      environmentVariable: '${MY_VARIABLE_1}',
    });
  });

  it('reads PEP 508 URL requirements without inventing a version', () => {
    expect(
      parsePipRequirement('urllib3 @ https://github.com/urllib3/urllib3/archive/refs/tags/1.26.8.zip'),
    ).toEqual({
      name: 'urllib3',
      url: 'https://github.com/urllib3/urllib3/archive/refs/tags/1.26.8.zip',
      specifier: '',
      pinned: undefined,
    });
  });

  it('takes name and version from a wheel file name (PEP 427)', () => {
    expect(parsePipRequirement('./downloads/numpy-1.9.2-cp34-none-win32.whl')).toMatchObject({
      name: 'numpy',
      pinned: '1.9.2',
    });
    expect(
      parsePipRequirement(
        'http://example.org/wxPython_Phoenix-3.0.3.dev1820%2B49a8884-cp34-none-win_amd64.whl',
      ),
    ).toMatchObject({ name: 'wxPython_Phoenix', pinned: '3.0.3.dev1820+49a8884' });
  });

  it('takes the name of a VCS requirement from #egg=', () => {
    expect(parsePipRequirement('git+https://github.com/org/repo.git@v1.2#egg=my_pkg')).toEqual({
      name: 'my_pkg',
      url: 'git+https://github.com/org/repo.git@v1.2#egg=my_pkg',
      specifier: '',
      pinned: undefined,
    });
  });

  it('leaves the name of an anonymous URL or folder unknown', () => {
    expect(parsePipRequirement('https://example.org/archive.tar.gz')).toMatchObject({ name: undefined });
    expect(parsePipRequirement('.')).toMatchObject({ name: undefined, url: '.' });
  });

  it.each([
    ['asdf=='],
    ['==1.0'],
    ['asdf 1.0'],
    ['foo7==1.0 unexpected_text'],
    ['foo==not-a-version'],
    ['foo[bar==1.0'],
    ['foo @ '],
  ])('rejects %s with a reason', (text) => {
    expect(typeof parsePipRequirement(text)).toBe('string');
  });
});
