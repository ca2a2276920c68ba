import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Gatehouse keeps data it can rebuild (the vulnerability database): the platform's
 * cache directory, so backup tools and disk cleaners treat it as such.
 */
export function cacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.GATEHOUSE_CACHE_DIR) return env.GATEHOUSE_CACHE_DIR;
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local');
    return join(local, 'gatehouse', 'cache');
  }
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'gatehouse');
  return join(homedir(), '.cache', 'gatehouse');
}

export const VULNDB_FILE = 'vulndb.sqlite';

export function vulnDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheDir(env), VULNDB_FILE);
}
