/**
 * What the database must hold after a set of uploads, computed by replaying them one after the
 * other in the order the server accepted them (scan ids): the store promises that concurrent
 * uploads give what serial ones give. Every scan is complete with every scanner ok, so a scan
 * is the whole truth for its branch: what the branch had and this scan lacks is no longer there,
 * and a finding on no branch any more is fixed; seen again, it is reopened.
 */

export interface ReplayScan {
  id: number;
  project: string;
  branch: string;
  ns: readonly number[];
}

export interface ExpectedFinding {
  open: boolean;
  reopened: number;
  firstScan: number;
  /** Branches it is present on now. */
  branches: Set<string>;
}

export interface ExpectedCounts {
  findings: number;
  new: number;
  reopened: number;
  fixed: number;
}

export interface Expected {
  /** project -> finding number -> state. */
  findings: Map<string, Map<number, ExpectedFinding>>;
  /** `project branch` -> what its last scan reported. */
  present: Map<string, Set<number>>;
  /** scan id -> the counts the server must have recorded for it. */
  scans: Map<number, ExpectedCounts>;
  events: { created: number; reopened: number; fixed: number };
}

export const streamKey = (project: string, branch: string) => `${project} ${branch}`;

export function replay(scans: readonly ReplayScan[]): Expected {
  const out: Expected = {
    findings: new Map(),
    present: new Map(),
    scans: new Map(),
    events: { created: 0, reopened: 0, fixed: 0 },
  };
  for (const scan of [...scans].sort((a, b) => a.id - b.id)) {
    const counts = apply(out, scan);
    out.scans.set(scan.id, counts);
    out.events.created += counts.new;
    out.events.reopened += counts.reopened;
    out.events.fixed += counts.fixed;
  }
  return out;
}

function apply(out: Expected, scan: ReplayScan): ExpectedCounts {
  let project = out.findings.get(scan.project);
  if (!project) {
    project = new Map();
    out.findings.set(scan.project, project);
  }
  const counts: ExpectedCounts = { findings: scan.ns.length, new: 0, reopened: 0, fixed: 0 };
  const now = new Set(scan.ns);
  for (const n of now) {
    const f = project.get(n);
    if (!f) {
      project.set(n, { open: true, reopened: 0, firstScan: scan.id, branches: new Set() });
      counts.new++;
    } else if (!f.open) {
      f.open = true;
      f.reopened++;
      counts.reopened++;
    }
    project.get(n)!.branches.add(scan.branch);
  }
  const key = streamKey(scan.project, scan.branch);
  for (const n of out.present.get(key) ?? []) {
    if (now.has(n)) continue;
    const f = project.get(n)!;
    f.branches.delete(scan.branch);
    if (f.branches.size === 0 && f.open) {
      f.open = false;
      counts.fixed++;
    }
  }
  out.present.set(key, now);
  return counts;
}
