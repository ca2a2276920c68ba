/** Matching scanner findings to the corpus labels, shared by bench/accuracy.ts and the Vitest test. */

export interface Label {
  file: string;
  line: number;
  endLine?: number;
  provider: string;
  kind?: string;
}

/** A finding reduced to what matching and printing need: never the secret itself. */
export interface Hit {
  path: string;
  line: number;
  ruleId: string;
  confidence: string;
  redacted?: string;
  snippet?: string;
}

export interface ProviderScore {
  provider: string;
  planted: number;
  tp: number;
  /** Labels found only by a generic (name-based) rule: the provider has no detector of its own. */
  genericOnly: number;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  byProvider: ProviderScore[];
  /** One entry per unlabelled line with findings. */
  falsePositives: { path: string; line: number; hits: Hit[] }[];
  falseNegatives: Label[];
}

const isGeneric = (h: Hit) => /(^|\/)generic-/.test(h.ruleId);

export function score(labels: readonly Label[], hits: readonly Hit[]): Score {
  const byFile = new Map<string, Hit[]>();
  for (const h of hits) byFile.set(h.path, [...(byFile.get(h.path) ?? []), h]);
  const used = new Set<Hit>();
  const providers = new Map<string, ProviderScore>();
  const falseNegatives: Label[] = [];
  let tp = 0;
  for (const l of labels) {
    const p = providers.get(l.provider) ?? { provider: l.provider, planted: 0, tp: 0, genericOnly: 0 };
    providers.set(l.provider, p);
    p.planted++;
    const last = l.endLine ?? l.line;
    const matched = (byFile.get(l.file) ?? []).filter((h) => h.line >= l.line && h.line <= last);
    if (matched.length === 0) {
      falseNegatives.push(l);
      continue;
    }
    tp++;
    p.tp++;
    if (matched.every(isGeneric)) p.genericOnly++;
    for (const h of matched) used.add(h);
  }
  const fpLines = new Map<string, { path: string; line: number; hits: Hit[] }>();
  for (const h of hits) {
    if (used.has(h)) continue;
    const key = `${h.path}\0${h.line}`;
    const entry = fpLines.get(key) ?? { path: h.path, line: h.line, hits: [] };
    entry.hits.push(h);
    fpLines.set(key, entry);
  }
  const fp = fpLines.size;
  const fn = falseNegatives.length;
  return {
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    byProvider: [...providers.values()].sort(
      (a, b) => a.tp / a.planted - b.tp / b.planted || (a.provider < b.provider ? -1 : 1),
    ),
    falsePositives: [...fpLines.values()].sort((a, b) =>
      a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line,
    ),
    falseNegatives,
  };
}

export function parseJsonl<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}
