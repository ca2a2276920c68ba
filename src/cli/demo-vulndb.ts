import { join } from 'node:path';
import { importAdvisories } from '../vulndb/import.js';
import { vulnDbPath } from '../vulndb/paths.js';
import { VulnStore } from '../vulndb/store.js';

/** The advisories bundled for the demo, under examples/. */
export const ADVISORIES_DIR = 'demo-advisories';

/**
 * Gives this process a vulnerability database of its own in the demo's home, loaded with the
 * bundled advisories: the dependency scanner finds something without a download, and the user's
 * own database (in their cache) is neither read nor changed. Answers how many advisories it holds.
 */
export async function loadDemoVulnDb(home: string, examplesDir: string): Promise<number> {
  // The scanners find the database through the cache directory.
  process.env.GATEHOUSE_CACHE_DIR = join(home, 'cache');
  const store = VulnStore.open(vulnDbPath());
  try {
    const report = await importAdvisories(store, [join(examplesDir, ADVISORIES_DIR)], { strict: true });
    return report.records;
  } finally {
    store.close();
  }
}
