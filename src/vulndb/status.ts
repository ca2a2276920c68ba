import type { EcosystemStatus } from './store.js';

/** "just now", "5 minutes ago", "3 days ago": how long ago `iso` was, as people say it. */
export function formatAge(iso: string, now: Date = new Date()): string {
  const seconds = Math.max(0, (now.getTime() - Date.parse(iso)) / 1000);
  const units: [number, string][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of units) {
    const n = Math.floor(seconds / size);
    if (n >= 1) return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}

/** `db status --format table`: one line per ecosystem, aligned. */
export function statusTable(
  rows: readonly EcosystemStatus[],
  dbPath: string,
  now: Date = new Date(),
): string {
  if (rows.length === 0) {
    return (
      `The vulnerability database (${dbPath}) is empty.\n` +
      'Run `gatehouse db update` to download OSV data, or `gatehouse db import PATH...` to load files offline.\n'
    );
  }
  const header = ['ECOSYSTEM', 'ADVISORIES', 'NEWEST MODIFIED', 'IMPORTED', 'SOURCE'];
  const cells = rows.map((r) => [
    r.ecosystem,
    r.advisories.toLocaleString('en-US'),
    r.newestModified ? r.newestModified.slice(0, 10) : '-',
    formatAge(r.importedAt, now),
    r.origin,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => (i === 1 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const total = rows.reduce((n, r) => n + r.advisories, 0);
  return `Database: ${dbPath}\n\n${[line(header), ...cells.map(line)].join('\n')}\n\n${total.toLocaleString('en-US')} advisories in ${rows.length} ecosystem${rows.length === 1 ? '' : 's'}\n`;
}

/** `db status --format json`: the same facts, with the age in days for scripts. */
export function statusJson(rows: readonly EcosystemStatus[], dbPath: string, now: Date = new Date()): string {
  const ecosystems = rows.map((r) => ({
    ...r,
    ageDays: Math.floor((now.getTime() - Date.parse(r.importedAt)) / 86_400_000),
  }));
  return `${JSON.stringify({ database: dbPath, ecosystems }, null, 2)}\n`;
}
