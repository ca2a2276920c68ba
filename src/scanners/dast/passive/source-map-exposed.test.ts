import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { sourceMapExposed } from './source-map-exposed.js';

const json = { 'content-type': 'application/json' };
const map = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    version: 3,
    file: 'app.js',
    sources: ['src/app.ts', 'src/db.ts'],
    mappings: 'AAAA;AACA',
    ...extra,
  });

describe('dast/source-map-exposed', () => {
  it('reports a served source map, saying when it carries the sources', () => {
    expect(
      runPassive(sourceMapExposed, { url: 'http://h/app.js.map', headers: json, body: map() })[0]?.message,
    ).toBe('a source map of 2 source file(s) is served');
    const full = runPassive(sourceMapExposed, {
      headers: json,
      body: map({ sourcesContent: ['const a = 1;', null] }),
    });
    expect(full[0]?.message).toContain('with their full content');
    expect(full[0]?.evidence).toBe('src/app.ts, src/db.ts');
    expect(runPassive(sourceMapExposed, { headers: {}, body: `)]}'\n${map()}` })).toHaveLength(1);
  });

  it('does not report soft 404s, other JSON, errors, or broken and huge bodies', () => {
    expect(runPassive(sourceMapExposed, { body: '<html><title>Not found</title></html>' })).toEqual([]);
    expect(runPassive(sourceMapExposed, { headers: json, body: '{"version": 3}' })).toEqual([]);
    expect(
      runPassive(sourceMapExposed, {
        headers: json,
        body: JSON.stringify({ version: 2, sources: [], mappings: '' }),
      }),
    ).toEqual([]);
    expect(runPassive(sourceMapExposed, { status: 404, headers: json, body: map() })).toEqual([]);
    expect(runPassive(sourceMapExposed, { headers: json, body: `${map().slice(0, 30)}` })).toEqual([]);
    expect(runPassive(sourceMapExposed, { headers: json, body: `{${' '.repeat(3 * 1024 * 1024)}}` })).toEqual(
      [],
    );
  });
});
