import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, examplesDir } from './demo-examples.js';
import { ADVISORIES_DIR } from './demo-vulndb.js';

describe('the demo’s example projects', () => {
  it('are every folder under examples/ but the demo’s advisories, each run on main first', () => {
    const folders = readdirSync(examplesDir(), { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== ADVISORIES_DIR)
      .map((d) => d.name)
      .sort();
    expect(EXAMPLES.map((e) => e.name).sort()).toEqual(folders);
    for (const e of EXAMPLES) expect(e.runs[0]).toMatchObject({ branch: 'main' });
  });
});
