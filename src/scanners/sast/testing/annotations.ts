/**
 * Annotated rule tests: a comment `ruleid: <id>` says the next code line must be reported by
 * that rule, `ok: <id>` that it must not (several ids may be separated by commas). Stacked
 * annotation comments all describe the first line below them that is not an annotation.
 */
export interface Annotation {
  kind: 'ruleid' | 'ok';
  ruleId: string;
  /** The code line it describes (1-based). */
  line: number;
  /** Where the comment itself is. */
  commentLine: number;
}

export function parseAnnotations(text: string, commentPrefix: string): Annotation[] {
  const marker = new RegExp(`^\\s*${escapeRegExp(commentPrefix)}\\s*(ruleid|ok)\\s*:\\s*(.+?)\\s*$`);
  const lines = text.split(/\r?\n/);
  const out: Annotation[] = [];
  let pending: Omit<Annotation, 'line'>[] = [];
  lines.forEach((l, i) => {
    const m = marker.exec(l);
    if (m) {
      for (const id of m[2]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean))
        pending.push({ kind: m[1] as Annotation['kind'], ruleId: id, commentLine: i + 1 });
      return;
    }
    for (const p of pending) out.push({ ...p, line: i + 1 });
    pending = [];
  });
  // Annotations at the very end describe nothing: keep them so the runner can say so.
  for (const p of pending) out.push({ ...p, line: lines.length + 1 });
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
