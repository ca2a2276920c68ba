import { describe, expect, it } from 'vitest';
import { normalise, readPlace, UriResolver } from './sarif-location.js';
import { Shape } from './shape.js';

const shape = new Shape('SARIF');
const resolver = (run: object) => new UriResolver(shape, run as Record<string, unknown>, 'runs[0]');
const path = (run: object, location: object, artifacts: unknown[] = []) =>
  resolver(run).path(location as Record<string, unknown>, artifacts, 'loc');

describe('UriResolver', () => {
  it('keeps a URI relative to an undeclared base (%SRCROOT%) as it is', () => {
    expect(path({}, { uri: 'src/app.js', uriBaseId: '%SRCROOT%' })).toBe('src/app.js');
    expect(path({}, { uri: 'src/app.js' })).toBe('src/app.js');
  });

  it('keeps a URI relative to a declared absolute base relative', () => {
    const run = { originalUriBaseIds: { SRCROOT: { uri: 'file:///home/runner/work/shop/shop/' } } };
    expect(path(run, { uri: 'src/app.js', uriBaseId: 'SRCROOT' })).toBe('src/app.js');
  });

  it('resolves nested relative bases to a path from the root', () => {
    const run = {
      originalUriBaseIds: {
        ROOT: { uri: 'file:///repo/' },
        WEB: { uri: 'web/', uriBaseId: 'ROOT' },
        SRC: { uri: 'src', uriBaseId: 'WEB' },
      },
    };
    expect(path(run, { uri: 'a.js', uriBaseId: 'SRC' })).toBe('web/src/a.js');
    expect(path({ originalUriBaseIds: { SUB: { uri: 'pkg/' } } }, { uri: 'a.go', uriBaseId: 'SUB' })).toBe(
      'pkg/a.go',
    );
  });

  it('survives a cycle of bases', () => {
    const run = {
      originalUriBaseIds: { A: { uri: 'a/', uriBaseId: 'B' }, B: { uri: 'b/', uriBaseId: 'A' } },
    };
    expect(path(run, { uri: 'x.js', uriBaseId: 'A' })).toBe('b/a/x.js');
  });

  it('makes absolute file URIs under a base or the working directory relative', () => {
    const declared = { originalUriBaseIds: { ROOT: { uri: 'file:///home/ci/shop/' } } };
    expect(path(declared, { uri: 'file:///home/ci/shop/src/a%20b.js' })).toBe('src/a b.js');
    const working = { invocations: [{ workingDirectory: { uri: 'file:///builds/acme/shop' } }] };
    expect(path(working, { uri: 'file:///builds/acme/shop/lib/x.rb' })).toBe('lib/x.rb');
    expect(path(working, { uri: 'file:///builds/acme/shop-other/x.rb' })).toBe(
      '/builds/acme/shop-other/x.rb',
    );
  });

  it('keeps absolute paths it cannot relate to a root, Windows ones included', () => {
    expect(path({}, { uri: 'file:///etc/passwd' })).toBe('/etc/passwd');
    expect(path({}, { uri: 'file:///C:/work/shop/a.cs' })).toBe('C:/work/shop/a.cs');
    expect(path({}, { uri: 'file://server/share/a.cs' })).toBe('/share/a.cs');
    expect(path({}, { uri: 'C:\\work\\a.cs' })).toBe('C:/work/a.cs');
  });

  it('keeps web URLs whole (DAST findings)', () => {
    expect(path({}, { uri: 'https://example.com/login?next=%2F' })).toBe(
      'https://example.com/login?next=%2F',
    );
  });

  it('takes the URI of run.artifacts[index] when the location has none', () => {
    const artifacts = [{ location: { uri: 'a.py' } }, { location: { uri: 'b.py', uriBaseId: '%SRCROOT%' } }];
    expect(path({}, { index: 1 }, artifacts)).toBe('b.py');
    expect(path({}, { index: 7 }, artifacts)).toBeUndefined();
    expect(path({}, { index: 0 }, [42])).toBeUndefined();
  });

  it('decodes percent-encoding, and leaves malformed encoding as written', () => {
    expect(path({}, { uri: 'src/%E2%9C%93.js' })).toBe('src/✓.js');
    expect(path({}, { uri: 'src/100%.js' })).toBe('src/100%.js');
  });
});

describe('normalise', () => {
  it('uses POSIX separators and drops ./ segments and doubled slashes', () => {
    expect(normalise('.\\src\\a.js')).toBe('src/a.js');
    expect(normalise('./././src//lib/./a.js')).toBe('src/lib/a.js');
  });
});

describe('readPlace', () => {
  const place = (physical: object) =>
    readPlace(shape, resolver({}), [], physical as Record<string, unknown>, 'p');

  it('reads lines, columns and the snippet; 0 means unknown', () => {
    expect(
      place({
        artifactLocation: { uri: 'a.js' },
        region: { startLine: 3, endLine: 0, startColumn: 2, endColumn: 9, snippet: { text: 'x()' } },
      }),
    ).toEqual({
      location: { path: 'a.js', startLine: 3, startColumn: 2, endColumn: 9, snippet: 'x()' },
      matched: 'x()',
    });
  });

  it('shows the context region snippet, but does not use it as the matched content', () => {
    expect(
      place({
        artifactLocation: { uri: 'a.js' },
        region: { startLine: 3 },
        contextRegion: { snippet: { text: 'ctx' } },
      }),
    ).toEqual({
      location: { path: 'a.js', startLine: 3, snippet: 'ctx' },
    });
  });

  it('reads a location without a file or a region', () => {
    expect(place({})).toEqual({ location: { path: '' } });
  });
});
