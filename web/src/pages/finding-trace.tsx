import type { TraceStep } from './finding-types';

function role(i: number, n: number): string {
  if (n === 1) return 'Source and sink';
  if (i === 0) return 'Source';
  if (i === n - 1) return 'Sink';
  return `Step ${i}`;
}

function place(s: TraceStep): string {
  return `${s.path}:${s.line}${s.column ? `:${s.column}` : ''}`;
}

/**
 * How untrusted data travels to the finding's place, in order: where it enters (the source),
 * each assignment and call it passes, and where it does harm (the sink).
 */
export function DataflowTrace({ steps }: { steps: TraceStep[] }) {
  return (
    <section className="card" aria-labelledby="finding-trace">
      <h2 id="finding-trace">Dataflow: source to sink</h2>
      <ol className="trace">
        {steps.map((s, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: a trace is a fixed sequence in which one place may appear twice
            key={`${i}-${place(s)}`}
            className={i === 0 ? 'source' : i === steps.length - 1 ? 'sink' : undefined}
          >
            <span className="trace-role">{role(i, steps.length)}</span>
            <span className="trace-message">{s.message}</span>
            <code className="trace-place">{place(s)}</code>
          </li>
        ))}
      </ol>
    </section>
  );
}
