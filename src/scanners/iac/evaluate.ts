import type { FindingDraft } from '../../core/finding.js';
import { redactLine, redactText } from '../../core/redact.js';
import { ruleContext } from './context.js';
import { type IacDocument, type IacResource, lineOf } from './model.js';
import type { IacRule, Violation } from './rule.js';

/** A rule that threw: reported as a diagnostic by the caller, never fatal to the scan. */
export interface RuleFailure {
  ruleId: string;
  address: string;
  path: string;
  error: string;
}

export interface Evaluation {
  drafts: FindingDraft[];
  failures: RuleFailure[];
}

const DEFAULT_KINDS = ['resource'];

/** Rules indexed by the resource type they run on, so a resource only meets its own rules. */
export function indexRules(rules: readonly IacRule[]): Map<string, IacRule[]> {
  const byType = new Map<string, IacRule[]>();
  for (const rule of rules)
    for (const t of rule.resourceTypes) {
      const key = `${rule.platform}\u0000${t}`;
      const list = byType.get(key);
      if (list) list.push(rule);
      else byType.set(key, [rule]);
    }
  return byType;
}

/** `lines` gives a file's text by path, for the snippet (the offending line). */
export function evaluate(
  documents: readonly IacDocument[],
  rules: Map<string, IacRule[]>,
  lines: (path: string) => readonly string[] | undefined,
): Evaluation {
  const out: Evaluation = { drafts: [], failures: [] };
  for (const document of documents) {
    const ctx = ruleContext(document);
    for (const resource of document.resources)
      for (const rule of rules.get(`${resource.platform}\u0000${resource.type}`) ?? []) {
        if (!(rule.kinds ?? DEFAULT_KINDS).includes(resource.kind)) continue;
        try {
          for (const v of rule.check(resource, ctx)) out.drafts.push(toDraft(rule, resource, v, lines));
        } catch (e) {
          out.failures.push({
            ruleId: rule.id,
            address: resource.address,
            path: resource.path,
            error: String(e),
          });
        }
      }
  }
  return out;
}

function toDraft(
  rule: IacRule,
  r: IacResource,
  v: Violation,
  lines: (path: string) => readonly string[] | undefined,
): FindingDraft {
  const line = lineOf(r, v.at ?? []);
  const where = v.subject ? `${r.address}/${v.subject}` : r.address;
  const source = lines(r.path)?.[line - 1]?.trim();
  const snippet = source ? redactLine(source, v.redact) : undefined;
  return {
    ruleId: rule.id,
    message: redactText(`${where}: ${v.message}`, v.redact ?? []),
    location: { path: r.path, startLine: line, endLine: line, ...(snippet ? { snippet } : {}) },
    fingerprintContent: where,
    properties: { resource: r.address, ...(v.subject ? { subject: v.subject } : {}) },
  };
}
