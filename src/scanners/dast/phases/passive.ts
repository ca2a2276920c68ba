import type { Diagnostic } from '../../../core/diagnostic.js';
import { passiveContext } from '../context.js';
import { diag } from '../diagnostics.js';
import { redact } from '../evidence.js';
import type { FindingCollector } from '../findings.js';
import type { Failure } from '../http/client.js';
import { PASSIVE_RULES } from '../passive/index.js';
import type { Exchange } from '../types.js';

const MAX_FAILURE_DIAGNOSTICS = 50;

/** Every passive rule on one response; a rule that throws is reported once and the scan goes on. */
export function passiveRunner(collector: FindingCollector, origin: string, diagnostics: Diagnostic[]) {
  const broken = new Set<string>();
  return (ex: Exchange) => {
    const ctx = passiveContext(ex, origin);
    for (const r of PASSIVE_RULES) {
      if (broken.has(r.rule.id)) continue;
      try {
        for (const hit of r.check(ex, ctx)) collector.add(r.rule, r.scope, hit, ex);
      } catch (e) {
        broken.add(r.rule.id);
        diagnostics.push(
          diag(
            'error',
            'rule-failed',
            `rule ${r.rule.id} failed on ${redact(ex.request.url)}: ${(e as Error).message}`,
          ),
        );
      }
    }
  };
}

/** Failed requests: the first few by name, then a count, so one dead server does not drown the report. */
export function failureReporter(diagnostics: Diagnostic[]) {
  let count = 0;
  return {
    add: (f: Failure) => {
      count++;
      if (count <= MAX_FAILURE_DIAGNOSTICS)
        diagnostics.push(
          diag(
            'warning',
            'request-failed',
            // A crawled URL may carry a token in its query: diagnostics are as public as findings.
            `${f.request.method} ${redact(f.request.url)}: ${f.error}`,
            redact(f.request.url),
          ),
        );
    },
    finish: () => {
      if (count > MAX_FAILURE_DIAGNOSTICS)
        diagnostics.push(
          diag('warning', 'request-failed', `${count - MAX_FAILURE_DIAGNOSTICS} more requests failed`),
        );
    },
  };
}
