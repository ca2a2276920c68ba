import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesDocs } from '../src/cli/rules-docs.js';
import { rulePacks } from '../src/scanners/index.js';

const dir = join(import.meta.dirname, '..', 'docs', 'rules');
mkdirSync(dir, { recursive: true });
for (const [name, text] of rulesDocs(await rulePacks())) writeFileSync(join(dir, name), text);
console.log(`wrote ${dir}`);
