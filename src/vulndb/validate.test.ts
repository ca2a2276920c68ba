import { describe, expect, it } from 'vitest';
import { canonicalTime } from './time.js';
import { validateRecord } from './validate.js';

const good = {
  id: 'GHSA-aaaa-bbbb-cccc',
  modified: '2024-01-02T03:04:05Z',
  affected: [
    { package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] },
  ],
  extra_field_from_a_newer_schema: { kept: true },
};

describe('validateRecord', () => {
  it('accepts a minimal record and keeps unknown fields', () => {
    const v = validateRecord(good);
    expect(v).toEqual({ ok: true, record: good });
  });

  it.each([
    ['not an object', 'x', /record/],
    ['no id', { modified: good.modified }, /id/],
    ['an id that is a path', { ...good, id: '../../etc/passwd' }, /not an OSV id/],
    ['an id with spaces', { ...good, id: 'GHSA 1' }, /not an OSV id/],
    ['no modified', { id: 'X-1' }, /X-1: modified/],
    ['a bad modified', { ...good, modified: 'yesterday' }, /not an RFC 3339 time/],
    ['a bad published', { ...good, published: '2024-13-45' }, /published/],
    ['affected not a list', { ...good, affected: {} }, /affected/],
    [
      'a package without a name',
      { ...good, affected: [{ package: { ecosystem: 'npm' } }] },
      /affected.0.package.name/,
    ],
    ['events not a list', { ...good, affected: [{ ranges: [{ type: 'SEMVER', events: 'x' }] }] }, /events/],
    ['a numeric version', { ...good, affected: [{ versions: [1.1] }] }, /versions/],
    ['aliases not strings', { ...good, aliases: [1] }, /aliases/],
  ])('rejects %s', (_, value, reason) => {
    const v = validateRecord(value);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(reason);
  });

  it('rejects hostile nesting without overflowing the stack', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    const v = validateRecord({ ...good, database_specific: deep });
    expect(v).toEqual({ ok: false, reason: 'nested more than 64 levels deep' });
  });
});

describe('canonicalTime', () => {
  it.each([
    ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05.000Z'],
    ['2023-07-25T16:31:58.309647Z', '2023-07-25T16:31:58.309Z'],
    ['2024-01-02T03:04:05+02:00', '2024-01-02T01:04:05.000Z'],
    ['2024-01-02T03:04:05', '2024-01-02T03:04:05.000Z'],
    ['2024-01-02', '2024-01-02T00:00:00.000Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
  ])('%s → %s', (input, output) => {
    expect(canonicalTime(input)).toBe(output);
  });

  it.each(['', 'now', '2024-1-2', '2024-02-30T00:00:00Z x', 42, null])('rejects %j', (input) => {
    expect(canonicalTime(input)).toBeUndefined();
  });
});
