import { type Confidence, severityRank } from '../../../core/severity.js';
import type { Detector } from '../detector.js';
import { KeywordAutomaton } from './aho-corasick.js';
import { shannonEntropy } from './entropy.js';
import { ALLOW_MARKER, isNotAGenericSecret, isPlaceholder } from './filters.js';
import { lineEndAfter, lineStartBefore } from './lines.js';
import { buildSnippet } from './snippet.js';

/** A detector hit inside one buffer; plain data so worker threads can send it back. */
export interface RawMatch {
  detectorId: string;
  secret: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  snippet: string;
  confidence?: Confidence;
}

interface Compiled {
  detector: Detector;
  pattern: RegExp;
}

/** Longest stretch of a line the patterns see on each side of a keyword: bounds work on minified files. */
const MAX_LINE_REACH = 4096;
const GENERIC_MIN_ENTROPY = 3.2;
const NEIGHBOURS = 256;

export class SecretMatcher {
  private readonly compiled: Compiled[];
  private readonly automaton: KeywordAutomaton;
  /** Keyword id -> indexes of the detectors that listed it. */
  private readonly keywordOwners: number[][];

  constructor(detectors: readonly Detector[]) {
    this.compiled = detectors.map((d) => ({ detector: d, pattern: withFlags(d.pattern, 'gd') }));
    const ids = new Map<string, number>();
    this.keywordOwners = [];
    detectors.forEach((d, di) => {
      for (const k of d.keywords) {
        const key = k.toLowerCase();
        let id = ids.get(key);
        if (id === undefined) {
          id = ids.size;
          ids.set(key, id);
          this.keywordOwners.push([]);
        }
        this.keywordOwners[id]!.push(di);
      }
    });
    this.automaton = new KeywordAutomaton([...ids.keys()]);
  }

  /** Every detector match in `buf`, in file order. */
  scan(buf: Uint8Array): RawMatch[] {
    const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    const found: Found[] = [];
    const seen = new Set<string>();
    let lineStart = -1;
    let lineEnd = -1;
    let tried = new Set<number>();
    this.automaton.scan(b, (kw, end) => {
      if (end > lineEnd) {
        lineStart = lineStartOf(b, end - 1);
        lineEnd = lineEndOf(b, end - 1);
        tried = new Set();
      }
      for (const di of this.keywordOwners[kw]!) {
        if (tried.has(di)) continue;
        tried.add(di);
        this.runDetector(b, di, lineStart, lineEnd, found, seen);
      }
    });
    return toRawMatches(b, resolveOverlaps(found));
  }

  private runDetector(
    b: Buffer,
    di: number,
    start: number,
    end: number,
    found: Found[],
    seen: Set<string>,
  ): void {
    const { detector, pattern } = this.compiled[di]!;
    const windowEnd = detector.multiline
      ? lineEndOf(b, Math.min(b.length, end + detector.multiline) - 1)
      : end;
    const text = b.toString('latin1', start, windowEnd);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) pattern.lastIndex++;
      const secret = m.groups?.secret;
      const span = m.indices?.groups?.secret;
      if (!secret || !span) continue;
      const at = start + span[0];
      const key = `${di}:${at}`;
      if (seen.has(key)) continue;
      const verdict = accepts(detector, secret, m.groups ?? {});
      if (verdict === false) continue;
      seen.add(key);
      const f: Found = { detector, secret, start: at, end: start + span[1] };
      if (verdict !== true) f.confidence = verdict;
      found.push(f);
    }
  }
}

interface Found {
  detector: Detector;
  secret: string;
  start: number;
  end: number;
  confidence?: Confidence;
}

function accepts(
  d: Detector,
  secret: string,
  groups: Record<string, string | undefined>,
): boolean | Confidence {
  if (isPlaceholder(secret)) return false;
  if (d.generic && isNotAGenericSecret(secret, d.minEntropy ?? GENERIC_MIN_ENTROPY)) return false;
  if (d.minEntropy !== undefined && shannonEntropy(secret) < d.minEntropy) return false;
  return d.verify ? d.verify(secret, groups) : true;
}

function withFlags(re: RegExp, add: string): RegExp {
  const flags = [...new Set([...re.flags, ...add])].join('');
  return new RegExp(re.source, flags);
}

function lineStartOf(b: Buffer, pos: number): number {
  return lineStartBefore(b, pos, MAX_LINE_REACH);
}

function lineEndOf(b: Buffer, pos: number): number {
  return lineEndAfter(b, pos, MAX_LINE_REACH);
}

/**
 * One finding per span of bytes: when detectors overlap (a token inside a URL, a key inside
 * a service-account file), the most specific explanation wins (see `rank`).
 */
function resolveOverlaps(found: Found[]): Found[] {
  found.sort((x, y) => x.start - y.start);
  const kept: Found[] = [];
  let cluster: Found[] = [];
  let clusterEnd = -1;
  for (const f of found) {
    if (f.start >= clusterEnd && cluster.length > 0) {
      kept.push(...pickDisjoint(cluster));
      cluster = [];
    }
    cluster.push(f);
    clusterEnd = cluster.length === 1 ? f.end : Math.max(clusterEnd, f.end);
  }
  kept.push(...pickDisjoint(cluster));
  return kept;
}

/** Provider format over name-based guess, then priority, then severity, then the longer span. */
function rank(f: Found): number {
  const d = f.detector;
  return (
    (d.generic ? 0 : 1e12) +
    ((d.priority ?? 0) + 8) * 1e10 +
    severityRank(d.severity) * 1e8 +
    (f.end - f.start)
  );
}

function pickDisjoint(cluster: Found[]): Found[] {
  if (cluster.length <= 1) return cluster;
  const chosen: Found[] = [];
  for (const f of [...cluster].sort(
    (x, y) => rank(y) - rank(x) || (x.detector.id < y.detector.id ? -1 : 1),
  )) {
    if (!chosen.some((c) => c.start < f.end && f.start < c.end)) chosen.push(f);
  }
  return chosen;
}

/**
 * Line numbers by walking newlines once, in offset order; columns in UTF-16 code units (what
 * SARIF and editors count), decoding only the stretch between consecutive matches.
 */
function toRawMatches(b: Buffer, found: Found[]): RawMatch[] {
  found.sort((x, y) => x.start - y.start || (x.detector.id < y.detector.id ? -1 : 1));
  const out: RawMatch[] = [];
  let line = 1;
  let cursor = 0;
  let lineStart = 0;
  let colCursor = 0;
  let colUnits = 0;
  found.forEach((f, i) => {
    if (f.start > cursor) {
      const gap = b.subarray(cursor, f.start);
      const n = countNewlines(gap);
      if (n > 0) {
        line += n;
        lineStart = cursor + gap.lastIndexOf(10) + 1;
        colCursor = lineStart;
        colUnits = 0;
      }
      cursor = f.start;
    }
    colUnits += b.toString('utf8', colCursor, f.start).length;
    colCursor = f.start;
    const le = lineEndOf(b, f.start);
    if (b.toString('latin1', lineStartOf(b, f.start), le).includes(ALLOW_MARKER)) return;
    const extra = countNewlines(b.subarray(f.start, f.end));
    out.push({
      detectorId: f.detector.id,
      secret: f.secret,
      line,
      column: colUnits + 1,
      endLine: line + extra,
      endColumn: extra === 0 ? colUnits + f.secret.length + 1 : f.end - lineStartOf(b, f.end - 1) + 1,
      snippet: buildSnippet(b, f.start, spansNear(found, i, lineStart, le)),
      ...(f.confidence ? { confidence: f.confidence } : {}),
    });
  });
  return out;
}

/**
 * The spans that can overlap the snippet around match i: a bounded walk over neighbours in
 * start order, so a line with thousands of matches stays linear.
 */
function spansNear(found: readonly Found[], i: number, ls: number, le: number): Found[] {
  let lo = i;
  while (lo > 0 && i - lo < NEIGHBOURS && found[lo - 1]!.start >= ls - 65536) lo--;
  let hi = i + 1;
  while (hi < found.length && hi - i < NEIGHBOURS && found[hi]!.start < le) hi++;
  return found.slice(lo, hi).filter((f) => f.end > ls);
}

function countNewlines(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
  return n;
}
