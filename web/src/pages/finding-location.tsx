import { formatDateTime } from '../format';
import type { FindingFull } from './finding-types';

function lineRange(l: FindingFull['location']): string {
  if (!l.startLine) return '';
  const lines = l.endLine && l.endLine !== l.startLine ? `${l.startLine}–${l.endLine}` : `${l.startLine}`;
  const columns =
    l.startColumn && l.endColumn && (l.endLine ?? l.startLine) === l.startLine
      ? `, columns ${l.startColumn}–${l.endColumn}`
      : '';
  return `line ${lines}${columns}`;
}

/**
 * Where the finding is: the file and lines, the code around it (as the server stored it, secrets
 * already redacted; shown as text, never as markup), the commit for a finding of git history,
 * and for a secret its redacted prefix and hash (to recognise the same secret elsewhere).
 */
export function FindingLocation({ finding }: { finding: FindingFull }) {
  const l = finding.location;
  const range = lineRange(l);
  return (
    <section className="card finding-location" aria-labelledby="finding-location">
      <h2 id="finding-location">Location</h2>
      <p>
        <code className="path">{l.path}</code>
        {range && <span className="muted"> · {range}</span>}
      </p>
      {l.snippet ? (
        <pre className="snippet">
          <code>{l.snippet}</code>
        </pre>
      ) : (
        !finding.vulnerability && <p className="muted">The scanner sent no code for this finding.</p>
      )}
      {l.commit && (
        <p className="muted">
          In commit <code>{l.commit.sha.slice(0, 12)}</code> by {l.commit.author} &lt;{l.commit.email}&gt;,{' '}
          {formatDateTime(l.commit.date)}
        </p>
      )}
      {finding.secret && (
        <p>
          Secret <code>{finding.secret.redacted}</code>{' '}
          <span className="muted">
            (redacted; its SHA-256 starts <code>{finding.secret.hash}</code>)
          </span>
        </p>
      )}
    </section>
  );
}
