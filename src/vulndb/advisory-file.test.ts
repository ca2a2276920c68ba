import { describe, expect, it } from 'vitest';
import { mayBeAdvisory, readAdvisoryFile } from './advisory-file.js';
import { corpusFile, MTIME } from './convert/fixture.js';

const read = (path: string, text: string) => readAdvisoryFile({ path, text, mtime: MTIME });
const records = (r: ReturnType<typeof readAdvisoryFile>) => (r.advisory ? r.records : undefined);

describe('readAdvisoryFile', () => {
  it('reads OSV JSON and OSV YAML as they are', () => {
    const json = readAdvisoryFile(corpusFile('osv/GHSA-p6mc-m468-83gw.json'));
    expect(records(json)).toHaveLength(1);
    const yaml = readAdvisoryFile(corpusFile('osv/PYSEC-2023-121.yaml'));
    expect(records(yaml)?.[0]).toMatchObject({
      id: 'PYSEC-2023-121',
      modified: '2023-07-25T16:31:58.309647Z',
    });
  });

  it('reads a JSON list of OSV records', () => {
    const r = read(
      'list.json',
      JSON.stringify([
        { id: 'A-1', modified: '2024-01-01T00:00:00Z' },
        { id: 'A-2', modified: 'x' },
      ]),
    );
    expect(records(r)).toHaveLength(2);
  });

  it('sends each known format to its converter', () => {
    expect(records(readAdvisoryFile(corpusFile('nodejs-wg/vuln/npm/500.json')))?.[0]).toMatchObject({
      id: 'NSWG-ECO-500',
    });
    expect(
      records(readAdvisoryFile(corpusFile('rustsec/crates/aes-gcm/RUSTSEC-2023-0096.md')))?.[0],
    ).toMatchObject({
      id: 'RUSTSEC-2023-0096',
    });
    expect(records(readAdvisoryFile(corpusFile('alpine/v3.11/main.yaml')))).toHaveLength(8);
    const core = readAdvisoryFile(corpusFile('nodejs-wg/vuln/core/100.json'));
    expect(core).toMatchObject({ advisory: true, records: [], notes: [{ reason: /Node.js runtime/ }] });
  });

  it.each([
    ['README.md', '# The database\n\n```toml\n[advisory]\n```'],
    ['index.json', '{"1": {"id": 1}}'],
    ['package.json', '{"name": "x", "version": "1.0.0"}'],
    ['list.json', '[1, 2]'],
    ['empty.json', '[]'],
    ['config.yml', 'archs: [x86_64]'],
    ['LICENSE', 'MIT'],
  ])('says %s is not an advisory', (path, text) => {
    expect(read(path, text)).toEqual({ advisory: false });
  });

  it('strips a byte order mark', () => {
    expect(records(read('a.json', '\uFEFF{"id": "A-1", "modified": "2024-01-01T00:00:00Z"}'))).toHaveLength(
      1,
    );
  });

  it('reads unquoted YAML versions as YAML does (1.10 is a number, which validation then refuses)', () => {
    const r = read('a.yaml', 'id: A-1\nmodified: 2024-01-01T00:00:00Z\naffected:\n- versions: [1.10]\n');
    expect(records(r)?.[0]).toMatchObject({ affected: [{ versions: [1.1] }] });
  });

  it.each([
    ['truncated JSON', 'a.json', '{"id": "A-1", "modified":', /not valid JSON/],
    ['binary junk', 'a.json', '\u0000\u0001\u0002', /not valid JSON/],
    ['broken YAML', 'a.yaml', 'id: [unclosed\n', /not valid YAML/],
    ['duplicate keys', 'a.yaml', 'id: A-1\nid: A-2\n', /not valid YAML/],
    [
      'a YAML alias bomb',
      'a.yaml',
      'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
      /resource exhaustion|alias/i,
    ],
    ['deeply nested YAML', 'a.yaml', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /./],
  ])('fails clearly on %s', (_, path, text, message) => {
    expect(() => read(path, text)).toThrow(message);
  });

  it('does not mind deeply nested JSON (validation refuses it later)', () => {
    expect(read('a.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toEqual({ advisory: false });
  });
});

describe('mayBeAdvisory', () => {
  it.each([
    ['GHSA-1.json', true],
    ['x.YAML', true],
    ['x.yml', true],
    ['RUSTSEC-2020-0001.md', true],
    ['all.zip', false],
    ['LICENSE', false],
    ['index.js', false],
  ])('%s → %s', (name, expected) => {
    expect(mayBeAdvisory(name)).toBe(expected);
  });
});
