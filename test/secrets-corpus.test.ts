import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Hit, type Label, parseJsonl, score } from '../bench/lib/score.js';
import { defaultConfig } from '../src/core/config.js';
import { runScan } from '../src/core/scan.js';
import { secretsScanner } from '../src/scanners/secrets/index.js';

/**
 * Accuracy floor of the secrets scanner on the labelled corpus (test/fixtures/secrets-corpus,
 * written by bench/gen-corpus.ts). The floors sit a little under what `npm run accuracy`
 * measured (see bench/RESULTS.md): a detector change that loses recall or adds false positives
 * fails here. Raise them when the scanner gets better.
 */
const MIN_PRECISION = 0.97;
const MIN_RECALL = 0.97;

const CORPUS = join(import.meta.dirname, 'fixtures', 'secrets-corpus');

describe('secrets scanner on the labelled corpus', () => {
  it(`keeps precision >= ${MIN_PRECISION} and recall >= ${MIN_RECALL}`, async () => {
    const labels = parseJsonl<Label>(readFileSync(join(CORPUS, 'labels.jsonl'), 'utf8'));
    const result = await runScan({
      root: CORPUS,
      scanners: [secretsScanner],
      config: defaultConfig(),
      scan: { gitHistory: false, maxFileSize: 10 * 1024 * 1024, threads: 1 },
    });
    expect(result.scanners[0]?.status).toBe('ok');
    const hits: Hit[] = result.findings.map((f) => ({
      path: f.location.path,
      line: f.location.startLine ?? 0,
      ruleId: f.ruleId,
      confidence: f.confidence,
      ...(f.secret ? { redacted: f.secret.redacted } : {}),
    }));
    const s = score(labels, hits);
    const missed = s.falseNegatives.map((l) => `${l.file}:${l.line} ${l.provider}`);
    const extra = s.falsePositives.map((f) => `${f.path}:${f.line} ${f.hits.map((h) => h.ruleId).join(',')}`);
    expect(labels.length).toBeGreaterThanOrEqual(80);
    expect(s.recall, `missed:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(s.precision, `false positives:\n${extra.join('\n')}`).toBeGreaterThanOrEqual(MIN_PRECISION);
  });
});
