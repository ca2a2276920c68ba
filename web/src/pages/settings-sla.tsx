import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { client, ok } from '../api/client';
import { formatCount } from '../format';
import { QueryState } from '../ui/query-state';
import { Refusal } from './settings-form';
import {
  fromGrid,
  type Grid,
  gridProblems,
  MAX_DAYS,
  type Policy,
  SEVERITIES,
  TIERS,
  toGrid,
} from './settings-sla-policy';

function PolicyForm({ policy, onSaved }: { policy: Policy; onSaved: (moved: number) => void }) {
  const queries = useQueryClient();
  const [grid, setGrid] = useState<Grid>(() => toGrid(policy));
  const [restart, setRestart] = useState(policy.restartOnReopen);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Policy) => ok(client.PUT('/api/v1/sla-policy', { body })),
    onSuccess: ({ dueDatesMoved, ...saved }) => {
      // Due dates moved: findings, projects and metrics read before are stale.
      void queries.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      queries.setQueryData(['sla-policy'], saved);
      onSaved(dueDatesMoved);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const found = gridProblems(grid);
    setProblems(found);
    if (Object.keys(found).length === 0) save.mutate(fromGrid(grid, restart));
  }
  const set = (t: (typeof TIERS)[number], s: (typeof SEVERITIES)[number], v: string) =>
    setGrid((g) => ({ ...g, [t]: { ...g[t], [s]: v } }));
  const messages = Object.values(problems);
  return (
    <form className="sla-form" aria-label="SLA policy" onSubmit={submit} noValidate>
      <table className="sla-grid">
        <caption>
          Days to fix a finding, by the project’s tier (rows) and the finding’s severity (columns)
        </caption>
        <thead>
          <tr>
            <th scope="col">Project tier</th>
            {SEVERITIES.map((s) => (
              <th scope="col" key={s} className="num">
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {TIERS.map((t) => (
            <tr key={t}>
              <th scope="row">{t}</th>
              {SEVERITIES.map((s) => (
                <td key={s} className="num">
                  <input
                    type="number"
                    min={1}
                    max={MAX_DAYS}
                    step={1}
                    inputMode="numeric"
                    aria-label={`${t}-tier projects, ${s} findings: days to fix`}
                    aria-invalid={problems[`${t}.${s}`] ? true : undefined}
                    placeholder={s === 'info' ? 'no SLA' : undefined}
                    value={grid[t][s]}
                    onChange={(e) => set(t, s, e.target.value)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {messages.length > 0 && (
        <ul role="alert" className="error">
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <label className="inline">
        <input type="checkbox" checked={restart} onChange={(e) => setRestart(e.target.checked)} />
        Restart the clock when a fixed finding comes back (otherwise its due date counts from its first
        detection)
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save policy'}
        </button>
      </div>
      <p className="muted">
        Saving computes the due date of every open finding again; resolved and accepted findings keep theirs.
      </p>
      <Refusal error={save.error} />
    </form>
  );
}

/** The SLA policy: days to fix per tier and severity, and whether reopening restarts the clock. */
export function SlaSettings() {
  const policy = useQuery({ queryKey: ['sla-policy'], queryFn: () => ok(client.GET('/api/v1/sla-policy')) });
  const [moved, setMoved] = useState<number | null>(null);
  return (
    <section aria-labelledby="settings-sla">
      <h2 id="settings-sla">SLA policy</h2>
      <p role="status">
        {moved !== null && `Policy saved: the due dates of ${formatCount(moved)} open finding(s) moved.`}
      </p>
      <QueryState query={policy} what="the SLA policy">
        {(p) => <PolicyForm key={JSON.stringify(p)} policy={p} onSaved={setMoved} />}
      </QueryState>
    </section>
  );
}
