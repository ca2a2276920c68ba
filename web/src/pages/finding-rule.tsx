import { ExternalLink } from '../ui/external-link';
import type { FindingFull } from './finding-types';

const CWE = /^CWE-(\d+)$/i;
const OWASP = /^owasp-top10-(\d{4}):(A\d{2})$/i;

function CweLink({ cwe }: { cwe: string }) {
  const n = CWE.exec(cwe)?.[1];
  if (!n) return <span>{cwe}</span>;
  return (
    <ExternalLink href={`https://cwe.mitre.org/data/definitions/${n}.html`}>{cwe.toUpperCase()}</ExternalLink>
  );
}

/** `owasp-top10-2021:A03` as people cite it: `A03:2021`. */
function owaspName(control: string): string | undefined {
  const m = OWASP.exec(control);
  return m ? `${m[2]}:${m[1]}` : undefined;
}

/**
 * What the rule says about the finding and how to fix it: the scanner's message, the rule's
 * remediation (text, with its code examples kept as written), the weaknesses (CWE), OWASP Top 10
 * and other compliance controls it maps to, and references. All of it is shown as text: it comes
 * from uploaded reports.
 */
export function FindingRule({ finding, withReferences }: { finding: FindingFull; withReferences: boolean }) {
  const owasp = finding.controls.map(owaspName).filter((o): o is string => o !== undefined);
  const others = finding.controls.filter((c) => owaspName(c) === undefined);
  return (
    <section className="card" aria-labelledby="finding-rule">
      <h2 id="finding-rule">What is wrong and how to fix it</h2>
      <p className="message">{finding.message}</p>
      <h3>Fix</h3>
      {finding.remediation ? (
        <div className="remediation">{finding.remediation}</div>
      ) : (
        <p className="muted">The rule gives no remediation.</p>
      )}
      <dl className="facts">
        <dt>Rule</dt>
        <dd>
          <code>{finding.rule}</code>
        </dd>
        {finding.cwe.length > 0 && (
          <>
            <dt>Weakness</dt>
            <dd>
              {finding.cwe.map((c, i) => (
                <span key={c}>
                  {i > 0 && ', '}
                  <CweLink cwe={c} />
                </span>
              ))}
            </dd>
          </>
        )}
        {owasp.length > 0 && (
          <>
            <dt>OWASP Top 10</dt>
            <dd>{owasp.join(', ')}</dd>
          </>
        )}
        {others.length > 0 && (
          <>
            <dt>Controls</dt>
            <dd>
              <ul className="tags">
                {others.map((c) => (
                  <li key={c}>
                    <code>{c}</code>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {withReferences && finding.references.length > 0 && (
        <>
          <h3>References</h3>
          <ul className="links">
            {finding.references.map((r) => (
              <li key={r}>
                <ExternalLink href={r} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
