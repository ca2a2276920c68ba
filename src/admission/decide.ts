import { enrich } from '../core/enrich.js';
import type { Finding } from '../core/finding.js';
import { evaluateGate } from '../policy/gate.js';
import type { CompiledPolicy } from '../policy/policy.js';
import { coreRule } from '../scanners/iac/core-rule.js';
import { evaluate, indexRules } from '../scanners/iac/evaluate.js';
import { kubernetesDocumentFromObject } from '../scanners/iac/parsers/kubernetes.js';
import type { IacRule } from '../scanners/iac/rule.js';
import type { AdmissionRequest, AdmissionResponse } from './review.js';

export type AdmissionMode = 'enforce' | 'audit';

export interface AdmissionOptions {
  policy: CompiledPolicy;
  /** Kubernetes rules (built-in and the repository's own). */
  rules: readonly IacRule[];
  /** `audit`: never deny; what would have been denied comes back as warnings and an audit annotation. */
  mode: AdmissionMode;
  excludeNamespaces: ReadonlySet<string>;
}

/** The Kubernetes API server shows at most a few short warnings well; more are noise. */
const MAX_WARNINGS = 10;
const MAX_WARNING_CHARS = 240;
const MAX_MESSAGE_CHARS = 3000;

/**
 * Decides one admission request with the same rules and the same gate policy as
 * `gatehouse scan`: a finding the gate would fail on is a denial, one it would only warn
 * about or report is a warning.
 */
export class AdmissionDecider {
  private readonly index;
  private readonly coreRules;

  constructor(private readonly opts: AdmissionOptions) {
    this.index = indexRules(opts.rules.filter((r) => r.platform === 'kubernetes'));
    this.coreRules = new Map(opts.rules.map((r) => [r.id, coreRule(r)]));
  }

  decide(req: AdmissionRequest, now = new Date()): AdmissionResponse {
    const allow: AdmissionResponse = { uid: req.uid, allowed: true };
    if (req.operation === 'DELETE' || req.operation === 'CONNECT' || req.object === undefined) return allow;
    if (req.namespace && this.opts.excludeNamespaces.has(req.namespace)) return allow;
    const findings = this.findings(req);
    if (findings.length === 0) return allow;
    const decision = evaluateGate(findings, this.opts.policy, { now });
    const blocking = findings.filter((_, i) => decision.findings[i]!.action === 'fail');
    const noted = findings.filter((_, i) => ['warn', 'report'].includes(decision.findings[i]!.action));
    const warnings = noted.map(warningOf);
    if (blocking.length === 0) return withWarnings(allow, warnings);
    if (this.opts.mode === 'audit')
      return {
        ...withWarnings(allow, [...blocking.map((f) => `[audit: would deny] ${warningOf(f)}`), ...warnings]),
        auditAnnotations: { 'gatehouse.dev/would-deny': blocking.map((f) => f.ruleId).join(',') },
      };
    return {
      uid: req.uid,
      allowed: false,
      status: { code: 403, message: denial(req, blocking, decision.exceptionsFile) },
      ...(warnings.length > 0 ? { warnings: capWarnings(warnings) } : {}),
    };
  }

  private findings(req: AdmissionRequest): Finding[] {
    const ns = req.namespace ?? 'cluster';
    const path = `admission/${ns}/${req.kind.kind}/${req.name ?? 'unnamed'}`;
    const document = kubernetesDocumentFromObject(req.object, path);
    const { drafts } = evaluate([document], this.index, () => undefined);
    return drafts.map((d) => enrich(d, this.coreRules.get(d.ruleId)!));
  }
}

function withWarnings(r: AdmissionResponse, warnings: string[]): AdmissionResponse {
  return warnings.length > 0 ? { ...r, warnings: capWarnings(warnings) } : r;
}

function capWarnings(warnings: string[]): string[] {
  const out = warnings.slice(0, MAX_WARNINGS).map((w) => clip(w, MAX_WARNING_CHARS));
  if (warnings.length > MAX_WARNINGS) out.push(`gatehouse: ${warnings.length - MAX_WARNINGS} more findings`);
  return out;
}

const warningOf = (f: Finding) => `gatehouse ${f.ruleId} (${f.severity}): ${f.message}`;

/** What `kubectl apply` prints on a denial: each failed rule, its fix, and how to get an exception. */
function denial(req: AdmissionRequest, blocking: Finding[], exceptionsFile: string): string {
  const what = `${req.kind.kind} ${req.namespace ? `${req.namespace}/` : ''}${req.name ?? ''}`.trim();
  const lines = [`Gatehouse denied ${what}: ${blocking.length} failed rule(s)`];
  for (const f of blocking) {
    lines.push(`- ${f.ruleId} (${f.severity}): ${f.message}`);
    lines.push(`  fix: ${firstParagraph(f.remediation)}`);
    lines.push(`  fingerprint: ${f.fingerprint}`);
  }
  lines.push(`To accept the risk, add an exception (rule and fingerprint) to ${exceptionsFile}.`);
  return clip(lines.join('\n'), MAX_MESSAGE_CHARS);
}

const firstParagraph = (s: string) =>
  clip(
    s
      .split(/\n\s*\n/)[0]!
      .replace(/\s+/g, ' ')
      .trim(),
    300,
  );
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
