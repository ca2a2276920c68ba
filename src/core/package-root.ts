import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/**
 * The folder holding Gatehouse's package.json, found by walking up from this module: the same
 * answer whether the code runs from src/ (tsx), from dist/ (tsc) or from the bundled CLI, whose
 * chunks sit at another depth.
 */
export function packageRoot(): string {
  if (cached) return cached;
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && isGatehouse(pkg)) {
      cached = dir;
      return dir;
    }
    if (dirname(dir) === dir)
      throw new Error(`cannot find Gatehouse's package.json above ${import.meta.dirname}`);
  }
}

function isGatehouse(path: string): boolean {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { name?: string }).name === 'gatehouse';
  } catch {
    return false;
  }
}
