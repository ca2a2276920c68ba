import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../core/errors.js';

/** The scan root, made absolute; a path that does not exist is the user's mistake, said plainly. */
export function checkTarget(path: string): string {
  const abs = resolve(path);
  try {
    const st = statSync(abs);
    if (!st.isDirectory() && !st.isFile()) throw new UserError(`${path}: not a directory or a regular file`);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(
      `${path}: cannot scan (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
      'give a directory or file that exists',
    );
  }
  return abs;
}
