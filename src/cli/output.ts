import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../core/errors.js';

/** Writes whole or not at all: a report a CI step reads must never be half a file. */
export function writeOutput(path: string | undefined, text: string): void {
  if (!path || path === '-') {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  const abs = resolve(path);
  const tmp = `${abs}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(tmp, text.endsWith('\n') ? text : `${text}\n`);
    renameSync(tmp, abs);
  } catch (e) {
    throw new UserError(
      `${path}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    );
  }
}
