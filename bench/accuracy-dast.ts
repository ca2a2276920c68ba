// bench: DAST detection rate and false positives per class on the deliberately vulnerable app
/**
 * Starts the vulnerable app of test/fixtures/dast/app on loopback and scans it in-process (the
 * scanner as it is in src/ now, no build needed): crawl, API operations from its /openapi.json,
 * file probes and — with ACCURACY_DAST_ACTIVE unset or 1 — the active checks. Every sighting of
 * a rule is recorded per URL (before sightings are grouped into findings), and per class:
 *
 * - detected: vulnerable cases of the class with a sighting of the class's rule on the case's
 *   method and path (query and `;jsessionid` parameters ignored);
 * - false positives: safe twins of the class with such a sighting.
 *
 * Sightings on pages with no case of their class are counted apart as "unlabelled": every page
 * of the app is otherwise hardened, so these are almost all false positives too.
 */

import { scanDast } from '../src/scanners/dast/scan-dast.js';
import { CASES, type DastCase } from '../test/fixtures/dast/app/cases.js';
import { startVulnerableApp } from '../test/fixtures/dast/app/server.js';
import { emitResults, log, type ResultRow } from './lib/common.js';

const ACTIVE = process.env.ACCURACY_DAST_ACTIVE !== '0';
const out = (s = '') => process.stdout.write(`${s}\n`);

/** Rules that stand for a class under another name than `dast/<class>`. */
const ALIASES: Record<string, string[]> = {};

const ruleOf = (cls: string) => [`dast/${cls}`, ...(ALIASES[cls] ?? [])];
const key = (method: string, url: string) => `${method} ${new URL(url).pathname.replace(/;.*$/, '')}`;

async function main(): Promise<void> {
  const app = await startVulnerableApp();
  const sightings = new Map<string, Set<string>>();
  try {
    const started = Date.now();
    const scan = await scanDast({
      target: new URL(`${app.url}/`),
      active: ACTIVE,
      openapi: `${app.url}/openapi.json`,
      headers: {},
      maxDurationMs: 300_000,
      rate: 200,
      onHit: (ruleId, ex) => {
        const k = key(ex.request.method, ex.request.url);
        sightings.set(ruleId, (sightings.get(ruleId) ?? new Set()).add(k));
      },
    });
    log(
      `scan: ${scan.requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, ${scan.drafts.length} findings`,
    );
    const decoy = app.requests().filter((r) => r.server === 'decoy').length;
    if (decoy > 0) throw new Error(`${decoy} requests left the scope`);
    const rows = score(sightings);
    emitResults('accuracy-dast', rows);
  } finally {
    await app.close();
  }
}

/** A source map is judged where it is served: the map the case's script names. */
const evidencePath = (c: DastCase) => (c.class === 'source-map-exposed' ? `${c.path}.map` : c.path);

function seen(c: DastCase, sightings: Map<string, Set<string>>): boolean {
  const k = `${c.method} ${evidencePath(c)}`;
  return ruleOf(c.class).some((r) => sightings.get(r)?.has(k));
}

function score(sightings: Map<string, Set<string>>): ResultRow[] {
  const classes = [
    ...new Set(CASES.filter((c) => c.mode === 'passive' || c.mode === 'probe' || ACTIVE).map((c) => c.class)),
  ];
  out(`\n| class | mode | detected | false positives | missed | flagged safe twins |`);
  out('|---|---|---|---|---|---|');
  let tp = 0;
  let vulnerable = 0;
  let fp = 0;
  let safe = 0;
  for (const cls of classes) {
    const cases = CASES.filter((c) => c.class === cls);
    const v = cases.filter((c) => c.variant === 'vulnerable');
    const s = cases.filter((c) => c.variant === 'safe');
    const hits = v.filter((c) => seen(c, sightings));
    const fps = s.filter((c) => seen(c, sightings));
    tp += hits.length;
    vulnerable += v.length;
    fp += fps.length;
    safe += s.length;
    const missed = v.filter((c) => !hits.includes(c)).map((c) => c.id);
    out(
      `| ${cls} | ${cases[0]!.mode} | ${hits.length}/${v.length} | ${fps.length}/${s.length} | ${missed.join(', ')} | ${fps.map((c) => c.id).join(', ')} |`,
    );
  }
  const labelled = new Set(
    CASES.flatMap((c) => ruleOf(c.class).map((r) => `${r} ${c.method} ${evidencePath(c)}`)),
  );
  const unlabelled = [...sightings].flatMap(([r, ks]) =>
    [...ks].filter((k) => !labelled.has(`${r} ${k}`)).map((k) => `${r} ${k}`),
  );
  out(`\nunlabelled sightings (${unlabelled.length}): ${unlabelled.slice(0, 40).join('; ')}`);
  return [
    {
      case: `vulnerable cases detected${ACTIVE ? '' : ' (passive and probes only)'}`,
      note: `${tp}/${vulnerable} (${((100 * tp) / Math.max(1, vulnerable)).toFixed(1)}%)`,
    },
    { case: 'safe twins flagged', note: `${fp}/${safe}` },
    { case: 'unlabelled sightings', note: String(unlabelled.length) },
  ];
}

await main();
