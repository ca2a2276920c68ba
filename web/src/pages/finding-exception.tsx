import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { client, ok } from '../api/client';
import type { paths } from '../api/openapi';
import { formatCount } from '../format';
import type { FindingFull } from './finding-types';

type RequestBody = paths['/api/v1/exceptions']['post']['requestBody']['content']['application/json'];
type Scope = RequestBody['kind'];

/** Tomorrow as YYYY-MM-DD (UTC): the earliest expiry the server takes for a date. */
function tomorrow(now = Date.now()): string {
  return new Date(now + 86_400_000).toISOString().slice(0, 10);
}

/** The request for this finding's project, scoped as chosen; empty optional fields are left out. */
function exceptionBody(
  f: FindingFull,
  form: { scope: Scope; pathGlob: string; withPackage: boolean; reason: string; expiresAt: string },
): RequestBody {
  const base = {
    kind: form.scope,
    project: f.project,
    reason: form.reason.trim(),
    ...(form.expiresAt ? { expiresAt: form.expiresAt } : {}),
  };
  if (form.scope === 'fingerprint') return { ...base, fingerprint: f.fingerprint };
  if (form.scope === 'rule')
    return { ...base, rule: f.rule, ...(form.pathGlob.trim() ? { pathGlob: form.pathGlob.trim() } : {}) };
  const v = f.vulnerability!;
  return { ...base, advisory: v.id, ...(form.withPackage ? { package: v.package.name } : {}) };
}

function ScopeChoice({
  f,
  scope,
  setScope,
  pathGlob,
  setPathGlob,
  withPackage,
  setWithPackage,
}: {
  f: FindingFull;
  scope: Scope;
  setScope: (s: Scope) => void;
  pathGlob: string;
  setPathGlob: (g: string) => void;
  withPackage: boolean;
  setWithPackage: (on: boolean) => void;
}) {
  const name = useId();
  const radio = (value: Scope, label: string) => (
    <label className="check">
      <input
        type="radio"
        name={name}
        value={value}
        checked={scope === value}
        onChange={() => setScope(value)}
      />
      {label}
    </label>
  );
  return (
    <fieldset className="scope-choice">
      <legend>What it covers, in project {f.project}</legend>
      {radio('fingerprint', 'This finding only (its fingerprint)')}
      {radio('rule', `Rule ${f.rule}`)}
      {scope === 'rule' && (
        <label className="indent">
          Only in paths matching (glob; empty: every path)
          <input
            type="text"
            value={pathGlob}
            spellCheck={false}
            onChange={(e) => setPathGlob(e.target.value)}
          />
        </label>
      )}
      {f.vulnerability && radio('advisory', `Advisory ${f.vulnerability.id}`)}
      {scope === 'advisory' && f.vulnerability && (
        <label className="check indent">
          <input type="checkbox" checked={withPackage} onChange={(e) => setWithPackage(e.target.checked)} />
          Only in package {f.vulnerability.package.name}
        </label>
      )}
    </fieldset>
  );
}

/**
 * Asks for an exception covering this finding (or its rule in some paths, or its advisory in a
 * package). It is pending until someone other than the requester approves it; the server checks
 * the rest (a reason of some length, an expiry when it covers high or critical findings) and its
 * message is shown as it says it.
 */
export function RequestException({ finding: f }: { finding: FindingFull }) {
  const id = useId();
  const queries = useQueryClient();
  const [scope, setScope] = useState<Scope>('fingerprint');
  const [pathGlob, setPathGlob] = useState(f.path);
  const [withPackage, setWithPackage] = useState(true);
  const [reason, setReason] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const request = useMutation({
    mutationFn: (body: RequestBody) => ok(client.POST('/api/v1/exceptions', { body })),
    onSuccess: async () => {
      setReason('');
      await queries.invalidateQueries({ queryKey: ['exceptions'] });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    request.mutate(exceptionBody(f, { scope, pathGlob, withPackage, reason, expiresAt }));
  }

  const done = request.data;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Request an exception</h2>
      <form className="stack" onSubmit={submit}>
        <ScopeChoice {...{ f, scope, setScope, pathGlob, setPathGlob, withPackage, setWithPackage }} />
        <label>
          Why the risk is acceptable (required)
          <textarea
            rows={3}
            maxLength={4000}
            value={reason}
            required
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <label>
          Expires on
          <input
            type="date"
            value={expiresAt}
            min={tomorrow()}
            aria-describedby={`${id}-expiry`}
            onChange={(e) => setExpiresAt(e.target.value)}
          />
        </label>
        <p id={`${id}-expiry`} className="muted small form-note">
          Required when it covers a high or critical finding; at most a year ahead. It applies through that
          whole day (UTC).
        </p>
        <button type="submit" className="primary" disabled={request.isPending || !reason.trim()}>
          {request.isPending ? 'Sending…' : 'Request exception'}
        </button>
      </form>
      <div role="status">
        {done && (
          <p>
            Exception #{done.exception.id} requested: it covers {formatCount(done.covers.findings)} finding
            {done.covers.findings === 1 ? '' : 's'} now. It applies once someone else approves it under{' '}
            <Link to="/exceptions">Exceptions</Link>.
          </p>
        )}
      </div>
      {request.isError && (
        <p role="alert" className="error">
          {request.error.message}
        </p>
      )}
    </section>
  );
}
