import { ExternalLink } from '../ui/external-link';
import type { Vulnerability } from './finding-types';

/** The advisory's page on OSV, which knows GHSA, CVE, PYSEC, GO, RUSTSEC ... ids alike. */
const osv = (id: string) => `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;

/**
 * What the dependency finding is about: the advisory (and the names it goes by elsewhere), the
 * package as installed, the versions that fix it, its CVSS rating and where to read more.
 */
export function AdvisoryDetails({
  vulnerability: v,
  references,
}: {
  vulnerability: Vulnerability;
  references: string[];
}) {
  const fixed = v.fixedVersions;
  return (
    <section className="card" aria-labelledby="finding-advisory">
      <h2 id="finding-advisory">Advisory</h2>
      <dl className="facts">
        <dt>Advisory</dt>
        <dd>
          <ExternalLink href={osv(v.id)}>{v.id}</ExternalLink>
        </dd>
        <dt>Also known as</dt>
        <dd>
          {v.aliases.length === 0
            ? '—'
            : v.aliases.map((a, i) => (
                <span key={a}>
                  {i > 0 && ', '}
                  <ExternalLink href={osv(a)}>{a}</ExternalLink>
                </span>
              ))}
        </dd>
        <dt>Package</dt>
        <dd>
          {v.package.name} <span className="muted">({v.package.ecosystem})</span>
          {v.package.purl && (
            <div>
              <code className="small">{v.package.purl}</code>
            </div>
          )}
        </dd>
        <dt>Installed version</dt>
        <dd>
          <code>{v.package.version}</code>
        </dd>
        <dt>Fixed in</dt>
        <dd>
          {fixed.length === 0 ? (
            <span className="sev-high">no fixed version published</span>
          ) : (
            fixed.map((f, i) => (
              <span key={f}>
                {i > 0 && ', '}
                <code>{f}</code>
              </span>
            ))
          )}
        </dd>
        {v.cvss && (
          <>
            <dt>CVSS</dt>
            <dd>
              {v.cvss.score.toFixed(1)} <span className="muted">(v{v.cvss.version})</span>{' '}
              <code className="small">{v.cvss.vector}</code>
            </dd>
          </>
        )}
      </dl>
      {references.length > 0 && (
        <>
          <h3>References</h3>
          <ul className="links">
            {references.map((r) => (
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
