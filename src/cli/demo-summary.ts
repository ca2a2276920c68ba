import type { ExampleResult } from './demo-examples.js';
import type { HistoryCounts } from './demo-history.js';
import type { DemoHome } from './demo-home.js';
import { HISTORY_DAYS, HISTORY_REPOSITORY, HISTORY_STAGE } from './demo-plan.js';
import { SYNTHETIC_PROJECTS } from './demo-projects.js';

export interface DemoSummary {
  url: string;
  /** False when dist/web is missing (running from sources without `npm run build`). */
  dashboard: boolean;
  admin: { email: string; password: string };
  ciToken: string;
  ciProject: string;
  examples: readonly ExampleResult[];
  /** What the generated history wrote; 'kept' when the home had it already, undefined with --no-history. */
  history: HistoryCounts | 'kept' | undefined;
  home: DemoHome;
}

/** What the person who ran the demo reads: where to go, how to sign in, and what they will see. */
export function summaryText(s: DemoSummary): string {
  const pad = (label: string) => `  ${label.padEnd(11)} `;
  const lines = [
    '',
    'Gatehouse demo is running. Everything in it is demo data: the bundled example projects,',
    'scanned just now, and generated history of made-up projects.',
    '',
    s.dashboard
      ? `${pad('Dashboard')}${s.url}/`
      : `${pad('API')}${s.url}/api/v1 (the dashboard is not built: run \`npm run build\`)`,
    `${pad('Sign in')}${s.admin.email}`,
    `${pad('Password')}${s.admin.password}   (generated for this run)`,
    `${pad('CI token')}${s.ciToken}   (role ci, project ${s.ciProject})`,
    '',
    '  Scan a project of your own and upload it:',
    `    GATEHOUSE_TOKEN=${s.ciToken} npx gatehouse scan . --upload ${s.url} --project ${s.ciProject}`,
    '',
    `${pad('Examples')}${s.examples.map((e) => `${e.name} (${e.findings} findings, gate ${e.verdict})`).join(', ')}`,
    `${pad('History')}${historyLine(s.history)}`,
    `${pad('Home')}${s.home.path} (SQLite; ${s.home.temporary ? 'deleted when the demo stops' : 'kept'})`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
  return lines.join('\n');
}

function historyLine(h: DemoSummary['history']): string {
  if (h === undefined) return 'none (--no-history)';
  const names = SYNTHETIC_PROJECTS.map((p) => p.name).join(', ');
  const what = `${names}: ${HISTORY_DAYS / 7} weeks, generated (stage ${HISTORY_STAGE}, repositories on ${new URL(HISTORY_REPOSITORY).host})`;
  if (h === 'kept') return `${what}; written by an earlier run`;
  return `${what}; ${h.scans} scans, ${h.triaged} triage decisions, ${h.exceptions} exceptions`;
}
