import type { OsvRecord } from '../../../vulndb/osv.js';
import { VulnStore } from '../../../vulndb/store.js';

/**
 * A few advisories shaped as OSV publishes them, for tests of image scans: distribution records
 * name the source package and the release, so a binary `libssl3` is found through `openssl`.
 */
const fixedIn = (ecosystem: string, name: string, fixed: string) => [
  {
    package: { ecosystem, name },
    ranges: [{ type: 'ECOSYSTEM' as const, events: [{ introduced: '0' }, { fixed }] }],
  },
];

export const TEST_ADVISORIES: OsvRecord[] = [
  {
    id: 'DSA-5532-1',
    modified: '2024-01-01T00:00:00Z',
    published: '2023-10-24T00:00:00Z',
    aliases: ['CVE-2023-5363'],
    summary: 'openssl - security update',
    affected: fixedIn('Debian:12', 'openssl', '3.0.11-1~deb12u2'),
  },
  // Same source package, another release: must not match a Debian 12 image whatever the version.
  {
    id: 'DLA-9999-1',
    modified: '2024-01-01T00:00:00Z',
    aliases: ['CVE-2099-0001'],
    summary: 'openssl - bookworm must not see this',
    affected: fixedIn('Debian:11', 'openssl', '99.0'),
  },
  {
    id: 'ALPINE-CVE-2023-42366',
    modified: '2024-01-01T00:00:00Z',
    aliases: ['CVE-2023-42366'],
    affected: fixedIn('Alpine:v3.19', 'busybox', '1.36.1-r16'),
  },
  {
    id: 'GHSA-9wx4-h78v-vm56',
    modified: '2024-06-01T00:00:00Z',
    aliases: ['CVE-2024-35195'],
    summary: 'Requests session object does not verify requests after making first request with verify=False',
    affected: [
      {
        package: { ecosystem: 'PyPI', name: 'requests' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.32.0' }] }],
      },
    ],
  },
];

/** Writes the test advisories into a database at `path` (an in-memory one without), imported `now`. */
export function testVulnStore(path?: string, now = new Date()): VulnStore {
  const store = path ? VulnStore.open(path) : VulnStore.empty();
  const w = store.beginWrite();
  for (const r of TEST_ADVISORIES) w.put(r, 'test');
  w.commit(now);
  return store;
}
