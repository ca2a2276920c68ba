import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../core/package-root.js';
import { CONFIDENCES, SEVERITIES } from '../../core/severity.js';
import { renderJson } from '../../formats/json.js';
import { renderSarif } from '../../formats/sarif.js';
import { sampleReport } from '../../formats/test-report.js';
import type { ScanUpload } from '../../store/upload.js';
import { UploadError } from './errors.js';
import { MAX_TEXT } from './limits.js';
import { readUpload } from './read.js';
import { fixture } from './test-fixtures.js';

const context = { project: 'shop', branch: 'main' };

/** Every fixture and both Gatehouse formats: the documents the fuzzing starts from. */
function seeds(): { name: string; body: Buffer }[] {
  const dir = join(packageRoot(), 'test/fixtures/upload');
  const files = ['sarif', 'cyclonedx', 'spdx'].flatMap((sub) =>
    readdirSync(join(dir, sub)).map((f) => ({ name: `${sub}/${f}`, body: fixture(`${sub}/${f}`) })),
  );
  return [
    ...files,
    { name: 'gatehouse.json', body: Buffer.from(renderJson(sampleReport())) },
    { name: 'gatehouse.sarif', body: Buffer.from(renderSarif(sampleReport())) },
  ];
}

/** mulberry32: a seeded generator, so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Outcome = { upload: ScanUpload } | { error: UploadError };

/** readUpload may answer or throw an UploadError; anything else fails the test, naming the case. */
function attempt(body: Buffer, label: string): Outcome {
  try {
    const upload = readUpload(body, context);
    checkShape(upload, label);
    return { upload };
  } catch (err) {
    if (err instanceof UploadError) {
      expect(['bad_request', 'unsupported_format', 'invalid_report'], label).toContain(err.code);
      expect(err.message.length, label).toBeLessThan(1000);
      return { error: err };
    }
    throw new Error(`${label}: threw ${String(err)}`, { cause: err });
  }
}

const isString = (v: unknown) => typeof v === 'string';
const isLine = (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) > 0);

/** What the store relies on, whatever the input was. */
function checkShape(u: ScanUpload, label: string): void {
  expect(u.digest, label).toMatch(/^[0-9a-f]{64}$/);
  for (const s of u.scanners) {
    expect(isString(s.name) && ['ok', 'partial', 'failed'].includes(s.status), label).toBe(true);
    expect(Number.isInteger(s.findings), label).toBe(true);
  }
  for (const f of u.findings) {
    const ok =
      [f.fingerprint, f.scanner, f.ruleId, f.title, f.message, f.remediation, f.location.path].every(
        isString,
      ) &&
      (SEVERITIES as readonly string[]).includes(f.severity) &&
      (CONFIDENCES as readonly string[]).includes(f.confidence) &&
      [f.location.startLine, f.location.endLine, f.location.startColumn, f.location.endColumn].every(
        isLine,
      ) &&
      (f.location.snippet === undefined || isString(f.location.snippet)) &&
      [f.cwe, f.references, f.controls].every((list) => Array.isArray(list) && list.every(isString)) &&
      (f.properties === undefined ||
        Object.values(f.properties).every((v) => ['string', 'number', 'boolean'].includes(typeof v))) &&
      (f.trace === undefined ||
        f.trace.every((t) => isString(t.path) && isLine(t.line) && isString(t.message)));
    expect(ok, `${label}: ${JSON.stringify(f).slice(0, 500)}`).toBe(true);
    expect(f.message.length, label).toBeLessThanOrEqual(MAX_TEXT.message);
  }
  for (const c of u.components ?? [])
    expect(
      [c.ecosystem, c.name, c.version].every(isString) && (c.purl === undefined || isString(c.purl)),
      label,
    ).toBe(true);
}

const ODD_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  '',
  'x',
  '__proto__',
  true,
  [],
  {},
  [null],
  [{}],
  { __proto__: { polluted: true } },
  { text: 42 },
  'é'.repeat(1000),
];

/** Every place (container and key) of a JSON document, for mutation. */
function places(doc: unknown): { parent: Record<string, unknown> | unknown[]; key: string | number }[] {
  const out: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const stack = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const parent = node as Record<string, unknown> | unknown[];
    for (const [k, v] of Object.entries(parent)) {
      out.push({ parent, key: Array.isArray(parent) ? Number(k) : k });
      stack.push(v);
    }
  }
  return out;
}

describe('hostile uploads', () => {
  it('reads every seed document', () => {
    for (const { name, body } of seeds()) expect('upload' in attempt(body, name), name).toBe(true);
  });

  it('answers every truncation of every seed with an UploadError', () => {
    for (const { name, body } of seeds()) {
      const step = Math.max(1, Math.floor(body.length / 150));
      for (let cut = 0; cut < body.length - 1; cut += step) {
        const outcome = attempt(body.subarray(0, cut), `${name} cut at ${cut}`);
        if (body.subarray(0, cut).toString().trim() !== '') expect('error' in outcome).toBe(true);
      }
    }
  }, 60_000);

  it('survives wrong types anywhere (3,000 seeded mutations)', () => {
    const next = random(20240311);
    const all = seeds();
    let answered = 0;
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const seed = all[Math.floor(next() * all.length)]!;
      const doc = JSON.parse(seed.body.toString('utf8'));
      const targets = places(doc);
      for (let m = 0; m < 1 + Math.floor(next() * 3); m++) {
        const target = targets[Math.floor(next() * targets.length)];
        if (!target) break;
        const value = ODD_VALUES[Math.floor(next() * ODD_VALUES.length)];
        (target.parent as Record<string | number, unknown>)[target.key] = structuredClone(value);
      }
      const outcome = attempt(Buffer.from(JSON.stringify(doc)), `${seed.name} mutation ${i}`);
      if ('upload' in outcome) answered++;
      else refused++;
    }
    // Both happen: the readers neither refuse everything nor accept everything.
    expect(answered).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  }, 60_000);

  it('survives random bytes and random splices', () => {
    const next = random(7);
    const all = seeds();
    for (let i = 0; i < 500; i++) {
      const seed = all[i % all.length]!.body;
      const bytes = Buffer.from(seed);
      for (let k = 0; k < 5; k++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      attempt(bytes, `splice ${i}`);
      const noise = Buffer.alloc(1 + Math.floor(next() * 200));
      for (let k = 0; k < noise.length; k++) noise[k] = Math.floor(next() * 256);
      attempt(noise, `noise ${i}`);
    }
  });

  it('does not let __proto__ keys reach any prototype', () => {
    const body = `{"version":"2.1.0","runs":[{"__proto__":{"polluted":1},"tool":{"driver":{"name":"t","__proto__":{"polluted":2},
      "rules":[{"id":"r","__proto__":{"polluted":3},"properties":{"__proto__":{"tags":["CWE-1"]}}}]}},
      "originalUriBaseIds":{"__proto__":{"uri":"file:///x/"},"constructor":{"uri":"file:///y/"}},
      "results":[{"ruleId":"r","message":{"text":"m","id":"__proto__"},"properties":{"__proto__":"x","constructor":"y","ok":"z"},
      "partialFingerprints":{"__proto__":"p"},"fingerprints":{"__proto__":"q"},
      "locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.js","uriBaseId":"__proto__"}}}]}]}]}`;
    const outcome = attempt(Buffer.from(body), 'proto');
    expect('upload' in outcome).toBe(true);
    if (!('upload' in outcome)) return;
    const f = outcome.upload.findings[0]!;
    expect(f.properties).toEqual({ ok: 'z' });
    expect(Object.getPrototypeOf(f.properties)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const cdx = `{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"name":"a","bom-ref":"__proto__","purl":"pkg:npm/a@1"}],
      "vulnerabilities":[{"id":"CVE-1","affects":[{"ref":"__proto__"},{"ref":"constructor"}]}]}`;
    const read = attempt(Buffer.from(cdx), 'proto cdx');
    expect('upload' in read && read.upload.findings.map((x) => x.vulnerability!.package.name)).toEqual(['a']);
  });

  it('cuts huge strings instead of carrying them to the database', () => {
    const huge = 'A'.repeat(8 * 1024 * 1024);
    const doc = {
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: { name: huge.slice(0, 5000), rules: [{ id: huge, name: huge, help: { text: huge } }] },
          },
          results: [
            {
              ruleId: huge,
              message: { text: huge },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: huge },
                    region: { startLine: 1, snippet: { text: huge } },
                  },
                },
              ],
              properties: { big: huge },
            },
          ],
        },
      ],
    };
    const outcome = attempt(Buffer.from(JSON.stringify(doc)), 'huge');
    if (!('upload' in outcome)) throw outcome.error;
    const f = outcome.upload.findings[0]!;
    expect(JSON.stringify(outcome.upload).length).toBeLessThan(100_000);
    expect(f.scanner.length).toBeLessThanOrEqual(MAX_TEXT.id);
    expect(f.location.snippet!.length).toBeLessThanOrEqual(MAX_TEXT.snippet);
  }, 60_000);

  it('reads 100,000 results in a few seconds', () => {
    const results = Array.from({ length: 100_000 }, (_, i) => ({
      ruleId: `r${i % 50}`,
      level: 'warning',
      message: { text: `problem ${i}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: `src/f${i % 500}.js` },
            region: { startLine: (i % 900) + 1, snippet: { text: `call(${i})` } },
          },
        },
      ],
    }));
    const body = Buffer.from(
      JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Big' } }, results }] }),
    );
    // CPU time, not wall time: the test machine may be busy with other work.
    const cpu = process.cpuUsage();
    const upload = readUpload(body, context);
    const used = process.cpuUsage(cpu);
    expect(upload.findings).toHaveLength(100_000);
    expect(new Set(upload.findings.map((f) => f.fingerprint)).size).toBe(100_000);
    expect((used.user + used.system) / 1000).toBeLessThan(5_000);
  }, 60_000);
});
