import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';

/** Where the demo keeps its database: a temporary folder, or the one `--home` names (kept). */
export interface DemoHome {
  path: string;
  temporary: boolean;
  /** Deletes a temporary home (a kept one stays); safe to call more than once. */
  remove(): void;
}

export function demoHome(dir: string | undefined): DemoHome {
  if (dir !== undefined) {
    const path = resolve(dir);
    mkdirSync(path, { recursive: true });
    return { path, temporary: false, remove: () => {} };
  }
  const path = mkdtempSync(resolve(tmpdir(), 'gatehouse-demo-'));
  const remove = () => rmSync(path, { recursive: true, force: true });
  // Last resort: an uncaught error or process.exit must not leave the temporary home behind.
  process.once('exit', remove);
  return { path, temporary: true, remove };
}
