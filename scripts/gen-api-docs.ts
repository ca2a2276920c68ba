import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiReference } from '../src/server/api-docs.js';

const file = join(import.meta.dirname, '..', 'docs', 'api-reference.md');
writeFileSync(file, apiReference());
console.log(`wrote ${file}`);
