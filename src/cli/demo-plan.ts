import { createHash } from 'node:crypto';
import { enrich } from '../core/enrich.js';
import type { Finding, FindingDraft, Vulnerability } from '../core/finding.js';
import type { Ecosystem } from '../core/package.js';
import type { Rule } from '../core/rule.js';
import type { Severity } from '../core/severity.js';
import { toolVersion } from '../core/version.js';
import { purlFor } from '../scanners/sca/lockfiles/purl.js';
import type { FindingState } from '../store/schema.js';
import type { ScanUpload, UploadedComponent } from '../store/upload.js';
import { STACKS } from './demo-catalog.js';
import { SECURITY_TEAM, SYNTHETIC_PROJECTS, type SyntheticProject } from './demo-projects.js';
import { type Random, seededRandom } from './demo-random.js';
import type { DemoAdvisory, FindingTemplate } from './demo-template.js';

// The generated history, as a list of dated events: scans, triage decisions and exceptions of
// the synthetic projects over the last six weeks. A pure function of "now", so the demo looks the
// same on every run of the same day; demo-history.ts writes it through the store.

export const HISTORY_DAYS = 42;
/** The stage of every generated scan, so that no one mistakes them for real pipelines. */
export const HISTORY_STAGE = 'demo-history';
export const HISTORY_REPOSITORY = 'https://example.invalid/acme';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const SEED = 20_250_101;

/** Days to fix, by severity (critical fastest), and the share still open when the history ends. */
const FIX: Record<Severity, { median: number; never: number }> = {
  critical: { median: 2.5, never: 0.03 },
  high: { median: 9, never: 0.12 },
  medium: { median: 22, never: 0.25 },
  low: { median: 40, never: 0.4 },
  info: { median: 60, never: 0.7 },
};
/** The onboarding backlog is older code: it takes longer to fix than what a pipeline just caught. */
const BACKLOG_SLOWER = 1.6;
/** Share of findings of a rule without known noise that still turn out false positives. */
const BASE_NOISE = 0.04;
const EXCEPTION_CHANCE = 0.25;
/** What becomes of the exception requests, in turn: every outcome shows however few there are. */
const EXCEPTION_OUTCOMES = ['approve', 'approve', 'pending', 'approve', 'reject'] as const;
const TRIAGE_CHANCE = 0.4;
const SCANNER_FAILURE_CHANCE = 0.04;
const OVERRIDE_CHANCE = 0.25;
const EXCEPTION_REASONS = [
  'No fixed version we can take before the platform upgrade; the endpoint is internal only.',
  'Compensating control: the WAF blocks the exploit path until the rewrite ships.',
  'Vendor-managed component; the upgrade is scheduled with the next release train.',
];
const FALSE_POSITIVE_WHY = [
  'Test fixture, never deployed.',
  'Dead code: the route was removed from the router last sprint.',
  'Input is validated against an allow-list two lines above.',
];

export type HistoryEvent =
  | { kind: 'scan'; at: number; upload: ScanUpload }
  | {
      kind: 'triage';
      at: number;
      project: string;
      fingerprint: string;
      status: FindingState;
      comment: string;
      actor: string;
    }
  | {
      kind: 'exception';
      at: number;
      /** Names the exception for its decision. */
      key: string;
      project: string;
      fingerprint: string;
      reason: string;
      actor: string;
      expiresAt: number;
    }
  | { kind: 'decision'; at: number; key: string; approve: boolean; actor: string; comment: string };

interface Tracked {
  finding: Finding;
  template: FindingTemplate;
  /** Index of the scan that first reports it. */
  arrived: number;
  /** Index of the first scan that no longer does (Infinity: it stays). */
  gone: number;
}

/** Every event of the history that ends at `now`, oldest first. */
export function planHistory(now: number, rules: ReadonlyMap<string, Rule>): HistoryEvent[] {
  const start = Math.floor(now / DAY) * DAY - HISTORY_DAYS * DAY;
  const rng = seededRandom(SEED);
  const shared = { exceptions: 0 };
  const events = SYNTHETIC_PROJECTS.flatMap((p, i) =>
    new ProjectHistory(p, scanTimes(p, i, start, rng), now, rng, rules, shared).events(),
  );
  return events.sort((a, b) => a.at - b.at);
}

/** Weekdays only, in the morning, each project at its own time; none after the project's last day. */
function scanTimes(p: SyntheticProject, index: number, start: number, rng: Random): number[] {
  const times: number[] = [];
  for (let day = 0; day < HISTORY_DAYS && day <= (p.lastDay ?? HISTORY_DAYS); day++) {
    const midnight = start + day * DAY;
    const weekday = new Date(midnight).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    times.push(midnight + 8 * HOUR + index * 40 * MINUTE + rng.int(0, 25) * MINUTE);
  }
  return times;
}

class ProjectHistory {
  private readonly tracked: Tracked[] = [];
  private readonly out: HistoryEvent[] = [];
  private readonly scanners: string[];
  private serial = 0;
  private uploads = 0;

  constructor(
    private readonly p: SyntheticProject,
    private readonly times: readonly number[],
    private readonly now: number,
    private readonly rng: Random,
    private readonly rules: ReadonlyMap<string, Rule>,
    /** What the projects' histories count together. */
    private readonly shared: { exceptions: number },
  ) {
    this.scanners = [...new Set(this.templates().map((t) => this.rule(t.ruleId).scanner))].sort();
  }

  events(): HistoryEvent[] {
    this.times.forEach((at, i) => {
      const failed = this.rng.chance(SCANNER_FAILURE_CHANCE) ? this.rng.pick(this.scanners) : undefined;
      const count = i === 0 ? this.p.onboarding : this.arrivals(at - this.times[i - 1]!);
      for (let n = 0; n < count; n++) this.arrive(i, failed);
      this.scan(i, failed);
    });
    return this.out;
  }

  private templates(): readonly FindingTemplate[] {
    return STACKS[this.p.stack].templates;
  }

  private rule(id: string): Rule {
    const rule = this.rules.get(id);
    if (!rule) throw new Error(`demo history: no rule ${id}`);
    return rule;
  }

  /** Poisson-distributed: the new findings of the days since the previous scan. */
  private arrivals(sincePrevious: number): number {
    const limit = Math.exp(-this.p.arrivalsPerDay * (sincePrevious / DAY));
    let k = 0;
    for (let prod = this.rng.next(); prod > limit; prod *= this.rng.next()) k++;
    return k;
  }

  /** A new finding at scan i, and its fate: fixed, false positive, or accepted by an exception. */
  private arrive(i: number, failedScanner: string | undefined): void {
    const used = new Set(this.tracked.filter((t) => t.template.advisory).map((t) => t.template));
    const candidates = this.templates().filter(
      (t) => !used.has(t) && this.rule(t.ruleId).scanner !== failedScanner,
    );
    const template = this.rng.weighted(candidates);
    const t: Tracked = { finding: this.finding(template), template, arrived: i, gone: Infinity };
    this.tracked.push(t);
    if (this.rng.chance(template.noise ?? BASE_NOISE)) {
      this.falsePositive(t);
      return;
    }
    const exception = this.exceptionFor(t);
    if (exception !== 'accepted') this.fix(t, exception ?? this.times[i]!);
  }

  /** The finding as the scanner would report it: the core completes and fingerprints it. */
  private finding(template: FindingTemplate): Finding {
    const a = template.advisory;
    const content = a
      ? `${purlFor(a.ecosystem, a.name, a.version)}|${a.id}`
      : `${this.p.name}#${++this.serial}`;
    const draft: FindingDraft = {
      ruleId: template.ruleId,
      message: template.message,
      location: {
        path: this.rng.pick(template.paths),
        startLine: this.rng.int(3, 240),
        ...(template.snippet ? { snippet: template.snippet } : {}),
      },
      fingerprintContent: content,
      ...(template.secretPrefix
        ? { secret: { redacted: `${template.secretPrefix}…`, hash: hash(content, 12) } }
        : {}),
      ...(a ? { severity: a.severity, vulnerability: vulnerabilityOf(a) } : {}),
    };
    return enrich(draft, this.rule(template.ruleId));
  }

  private falsePositive(t: Tracked): void {
    const at = this.times[t.arrived]! + this.rng.int(4, 72) * HOUR;
    if (at >= this.now) return;
    const comment = t.template.falsePositiveWhy ?? this.rng.pick(FALSE_POSITIVE_WHY);
    this.triage(t, at, 'false_positive', comment);
  }

  /**
   * Dependency and infrastructure findings sometimes get an exception: 'accepted' when an approved
   * one holds the finding, else when the request was last looked at (undefined: none was made).
   */
  private exceptionFor(t: Tracked): 'accepted' | number | undefined {
    const scanner = t.finding.scanner;
    if ((scanner !== 'sca' && scanner !== 'iac') || !this.rng.chance(EXCEPTION_CHANCE)) return undefined;
    const requested = this.times[t.arrived]! + this.rng.int(20, 72) * HOUR;
    if (requested >= this.now) return undefined;
    const key = `${this.p.name}/${t.finding.fingerprint}`;
    const decided = requested + this.rng.int(3, 40) * HOUR;
    this.out.push({
      kind: 'exception',
      at: requested,
      key,
      project: this.p.name,
      fingerprint: t.finding.fingerprint,
      reason: this.rng.pick(EXCEPTION_REASONS),
      actor: this.rng.pick(this.p.developers),
      expiresAt: decided + this.rng.int(45, 90) * DAY,
    });
    const outcome = EXCEPTION_OUTCOMES[this.shared.exceptions++ % EXCEPTION_OUTCOMES.length];
    if (decided >= this.now || outcome === 'pending') return requested;
    const approve = outcome === 'approve';
    this.out.push({
      kind: 'decision',
      at: decided,
      key,
      approve,
      actor: this.rng.pick(SECURITY_TEAM),
      comment: approve
        ? 'Approved with the expiry requested.'
        : 'Rejected: fix it, a patched version exists.',
    });
    return approve ? 'accepted' : decided;
  }

  /**
   * When a scan stops reporting it (not before `notBefore`: a rejected exception is decided while
   * the problem is still there); on the way, a person may confirm it or start on it.
   */
  private fix(t: Tracked, notBefore: number): void {
    const severity = t.finding.severity;
    const start = this.times[t.arrived]!;
    if (!this.rng.chance(FIX[severity].never)) {
      const days = this.rng.logNormal(FIX[severity].median * (t.arrived === 0 ? BACKLOG_SLOWER : 1), 0.9);
      const due = Math.max(start + days * DAY, notBefore);
      const gone = this.times.findIndex((at, j) => j > t.arrived && at >= due);
      t.gone = gone < 0 ? Infinity : gone;
    }
    const triaged = start + this.rng.int(2, 48) * HOUR;
    const until = Math.min(this.times[t.gone] ?? this.now, this.now);
    if (severity !== 'info' && this.rng.chance(TRIAGE_CHANCE) && triaged < until)
      this.triage(
        t,
        triaged,
        this.rng.chance(0.5) ? 'confirmed' : 'in_progress',
        'Reproduced; on the board.',
      );
  }

  private triage(t: Tracked, at: number, status: FindingState, comment: string): void {
    const actor = this.rng.pick([...this.p.developers, ...SECURITY_TEAM]);
    this.out.push({
      kind: 'triage',
      at,
      project: this.p.name,
      fingerprint: t.finding.fingerprint,
      status,
      comment,
      actor,
    });
  }

  private scan(i: number, failed: string | undefined): void {
    const present = this.tracked.filter((t) => t.arrived <= i && i < t.gone && t.finding.scanner !== failed);
    const arrived = present.filter((t) => t.arrived === i);
    // The policy most programs start with: new critical findings and any new secret block, new high
    // ones warn.
    const verdict = arrived.some((t) => t.finding.severity === 'critical' || t.finding.scanner === 'secrets')
      ? 'fail'
      : arrived.some((t) => t.finding.severity === 'high')
        ? 'warn'
        : 'pass';
    const commit = this.rng.hex(40);
    this.out.push(this.upload(i, this.times[i]!, present, failed, commit, verdict, true));
    // Someone re-ran the failed job after the finding was dealt with: the gate metric's override.
    if (verdict === 'fail' && this.rng.chance(OVERRIDE_CHANCE))
      this.out.push(this.upload(i, this.times[i]! + 40 * MINUTE, present, failed, commit, 'pass', false));
  }

  private upload(
    i: number,
    at: number,
    present: Tracked[],
    failed: string | undefined,
    commit: string,
    verdict: string,
    complete: boolean,
  ): HistoryEvent {
    const n = ++this.uploads;
    const findings = present.map((t) => t.finding);
    const upload: ScanUpload = {
      context: {
        project: this.p.name,
        branch: 'main',
        commit,
        repository: `${HISTORY_REPOSITORY}/${this.p.name}`,
        pipelineId: `${HISTORY_STAGE}-${n}`,
        stage: HISTORY_STAGE,
      },
      source: 'gatehouse',
      digest: hash(`${HISTORY_STAGE}|${this.p.name}|${n}`, 64),
      toolVersion: toolVersion(),
      startedAt: new Date(at - 3 * MINUTE).toISOString(),
      finishedAt: new Date(at).toISOString(),
      complete,
      gateVerdict: verdict,
      policyVersion: i < this.times.length / 2 ? 'demo-policy-v1' : 'demo-policy-v2',
      scanners: this.scanners.map((name) => ({
        name,
        status: name === failed ? ('failed' as const) : ('ok' as const),
        findings: findings.filter((f) => f.scanner === name).length,
      })),
      findings,
      components: this.components(i),
    };
    return { kind: 'scan', at, upload };
  }

  /** The SBOM at scan i: the stack's packages, and each vulnerable one at the version it has then. */
  private components(i: number): UploadedComponent[] {
    const component = (ecosystem: Ecosystem, name: string, version: string) => ({
      ecosystem,
      name,
      version,
      purl: purlFor(ecosystem, name, version),
    });
    const deps = this.tracked
      .filter((t) => t.template.advisory && t.arrived <= i)
      .map((t) => {
        const a = t.template.advisory!;
        return component(a.ecosystem, a.name, i >= t.gone && a.fixed ? a.fixed : a.version);
      });
    return [...STACKS[this.p.stack].packages.map(([e, name, v]) => component(e, name, v)), ...deps];
  }
}

function vulnerabilityOf(a: DemoAdvisory): Vulnerability {
  return {
    id: a.id,
    aliases: a.aliases,
    package: {
      ecosystem: a.ecosystem,
      name: a.name,
      version: a.version,
      purl: purlFor(a.ecosystem, a.name, a.version),
    },
    fixedVersions: a.fixed ? [a.fixed] : [],
    published: a.published,
  };
}

function hash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}
