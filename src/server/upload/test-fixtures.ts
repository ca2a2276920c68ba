import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../core/package-root.js';
import { UploadError } from './errors.js';

/** A file of test/fixtures/upload/. */
export function fixture(path: string): Buffer {
  return readFileSync(join(packageRoot(), 'test', 'fixtures', 'upload', path));
}

/** The UploadError `run` throws; fails the test if it throws nothing or something else. */
export function uploadError(run: () => unknown): UploadError {
  try {
    run();
  } catch (err) {
    if (err instanceof UploadError) return err;
    throw new Error(`expected an UploadError, got ${String(err)}`);
  }
  throw new Error('expected an UploadError, nothing was thrown');
}
