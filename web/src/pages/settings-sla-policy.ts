import type { paths } from '../api/openapi';

export type Policy = paths['/api/v1/sla-policy']['get']['responses'][200]['content']['application/json'];

export const TIERS = ['critical', 'high', 'medium', 'low'] as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Tier = (typeof TIERS)[number];
export type Severity = (typeof SEVERITIES)[number];
export const MAX_DAYS = 3650;

/** The policy's days as the form edits them: text per tier and severity ("" = no SLA, info only). */
export type Grid = Record<Tier, Record<Severity, string>>;

export function toGrid(p: Policy): Grid {
  const grid = {} as Grid;
  for (const t of TIERS) {
    const row = p.days[t] as Partial<Record<Severity, number>>;
    grid[t] = Object.fromEntries(
      SEVERITIES.map((s) => [s, row[s] === undefined ? '' : String(row[s])]),
    ) as Record<Severity, string>;
  }
  return grid;
}

const cellName = (t: Tier, s: Severity) => `${t}-tier ${s} findings`;

/** Each cell that is not a whole number of days in range, keyed `tier.severity`, with why. */
export function gridProblems(grid: Grid): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of TIERS)
    for (const s of SEVERITIES) {
      const v = grid[t][s].trim();
      if (v === '' && s === 'info') continue;
      const n = Number(v);
      if (v === '' || !Number.isInteger(n) || n < 1 || n > MAX_DAYS)
        out[`${t}.${s}`] =
          `${cellName(t, s)}: a whole number of days from 1 to ${MAX_DAYS}${s === 'info' ? ' (or empty: no SLA)' : ''}.`;
    }
  return out;
}

/** The policy the grid stands for; call only when gridProblems found none. */
export function fromGrid(grid: Grid, restartOnReopen: boolean): Policy {
  const days = {} as Policy['days'];
  for (const t of TIERS) {
    const g = grid[t];
    days[t] = {
      critical: Number(g.critical),
      high: Number(g.high),
      medium: Number(g.medium),
      low: Number(g.low),
      ...(g.info.trim() ? { info: Number(g.info) } : {}),
    };
  }
  return { days, restartOnReopen };
}
