import { afterAll, describe, expect, it } from 'vitest';
import type { Package } from '../../core/package.js';
import type { OsvRecord } from '../../vulndb/osv.js';
import { VulnStore } from '../../vulndb/store.js';
import { vulnerabilityDrafts } from './vulnerabilities.js';

const affected = (name: string) => [
  {
    package: { ecosystem: 'npm', name },
    ranges: [{ type: 'SEMVER' as const, events: [{ introduced: '0' }, { fixed: '2.0.0' }] }],
  },
];

const records: OsvRecord[] = [
  // Two records of one vulnerability: the group was public from the earlier one.
  {
    id: 'GHSA-aaaa-bbbb-cccc',
    modified: '2024-03-01T00:00:00Z',
    published: '2024-02-20T10:00:00Z',
    aliases: ['CVE-2024-1'],
    affected: affected('left'),
  },
  { id: 'CVE-2024-1', modified: '2024-03-01T00:00:00Z', published: '2024-02-18', affected: affected('left') },
  { id: 'GHSA-dddd-eeee-ffff', modified: '2024-03-01T00:00:00Z', affected: affected('right') },
];

const pkg = (name: string): Package => ({
  ecosystem: 'npm',
  name,
  version: '1.0.0',
  resolved: true,
  purl: `pkg:npm/${name}@1.0.0`,
  source: { path: 'package-lock.json' },
  key: name,
});

describe('vulnerability findings', () => {
  const store = VulnStore.empty();
  const w = store.beginWrite();
  for (const r of records) w.put(r, 'test');
  w.commit(new Date('2024-06-01T00:00:00Z'));
  afterAll(() => store.close());

  it('carry the earliest publication time of the vulnerability’s records', () => {
    const [left] = vulnerabilityDrafts([pkg('left')], store);
    expect(left?.vulnerability).toMatchObject({
      id: 'GHSA-aaaa-bbbb-cccc',
      published: '2024-02-18T00:00:00.000Z',
    });
  });

  it('carry none when no record says when it was published', () => {
    const [right] = vulnerabilityDrafts([pkg('right')], store);
    expect(right?.vulnerability?.id).toBe('GHSA-dddd-eeee-ffff');
    expect(right?.vulnerability).not.toHaveProperty('published');
  });
});
