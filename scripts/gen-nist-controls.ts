// Writes data/nist-800-53-rev5.json (control id -> title) from the NIST OSCAL catalog,
// so tests can check every control a rule cites exists. Usage: tsx scripts/gen-nist-controls.ts CATALOG.json
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Control {
  id: string;
  title: string;
  controls?: Control[];
  props?: { name: string; value: string }[];
}

const catalogPath =
  process.argv[2] ?? '../shared/corpora/nist-800-53/NIST_SP-800-53_rev5_catalog.v5.0.1.json';
const catalog = JSON.parse(readFileSync(catalogPath, 'utf8')).catalog as {
  groups: { controls: Control[] }[];
};

/** OSCAL ids are `ac-2.1`; people and rules write `AC-2(1)`. */
const label = (c: Control) =>
  c.props?.find((p) => p.name === 'label')?.value ?? c.id.toUpperCase().replace(/\.(\d+)$/, '($1)');

const out: Record<string, string> = {};
const visit = (c: Control) => {
  if (!c.props?.some((p) => p.name === 'status' && p.value === 'withdrawn')) out[label(c)] = c.title;
  for (const child of c.controls ?? []) visit(child);
};
for (const g of catalog.groups) for (const c of g.controls) visit(c);
writeFileSync(
  join(import.meta.dirname, '../data/nist-800-53-rev5.json'),
  `${JSON.stringify(out, null, 0)}\n`,
);
console.log(`${Object.keys(out).length} controls`);
