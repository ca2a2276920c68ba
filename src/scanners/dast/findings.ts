import type { FindingDraft } from '../../core/finding.js';
import type { Rule } from '../../core/rule.js';
import type { Confidence, Severity } from '../../core/severity.js';
import { httpEvidence, redact } from './evidence.js';
import type { Exchange } from './types.js';

/** One sighting of a problem, from any phase. */
export interface Hit {
  message: string;
  evidence?: string;
  param?: string;
  confidence?: Confidence;
  severity?: Severity;
}

interface Group {
  rule: Rule;
  hit: Hit;
  exchange: Exchange;
  where: string;
  scope: 'site' | 'page';
  urls: Set<string>;
  count: number;
}

const EXAMPLES = 5;

/**
 * Turns sightings into findings: a `site` problem once per origin (and parameter), a `page`
 * problem once per method, URL path and parameter, each with how many responses showed it and
 * a few of their URLs. The first sighting's exchange is the evidence.
 */
export class FindingCollector {
  private readonly groups = new Map<string, Group>();

  constructor(private readonly onHit?: (ruleId: string, exchange: Exchange) => void) {}

  add(rule: Rule, scope: 'site' | 'page', hit: Hit, exchange: Exchange): void {
    this.onHit?.(rule.id, exchange);
    const url = new URL(exchange.request.url);
    const where = scope === 'site' ? url.origin : `${exchange.request.method} ${url.origin}${url.pathname}`;
    const key = `${rule.id}\0${where}\0${hit.param ?? ''}`;
    const group = this.groups.get(key);
    if (group) {
      group.count++;
      if (group.urls.size < EXAMPLES) group.urls.add(redact(url.toString()));
      return;
    }
    this.groups.set(key, {
      rule,
      hit,
      exchange,
      where,
      scope,
      urls: new Set([redact(url.toString())]),
      count: 1,
    });
  }

  get size(): number {
    return this.groups.size;
  }

  drafts(): FindingDraft[] {
    return [...this.groups.values()].map((g) => {
      const { rule, hit, exchange } = g;
      const url = new URL(exchange.request.url);
      // A site-wide problem is placed at the site's root, whichever page showed it first: the fingerprint stays put.
      const path = g.scope === 'site' ? `${url.origin}/` : `${url.origin}${url.pathname}`;
      const more = g.count > 1 ? ` (seen in ${g.count} responses)` : '';
      const draft: FindingDraft = {
        ruleId: rule.id,
        message: redact(`${hit.message}${more}`),
        location: { path, ...(hit.evidence ? { snippet: redact(hit.evidence) } : {}) },
        fingerprintContent: `${g.where}\0${hit.param ?? ''}`,
        properties: {
          method: exchange.request.method,
          url: redact(url.toString()),
          status: exchange.response.status,
          instances: g.count,
          examples: [...g.urls].join(' '),
          ...(hit.param ? { param: hit.param } : {}),
        },
        http: httpEvidence(exchange, hit.evidence),
      };
      if (hit.severity) draft.severity = hit.severity;
      if (hit.confidence) draft.confidence = hit.confidence;
      return draft;
    });
  }
}
