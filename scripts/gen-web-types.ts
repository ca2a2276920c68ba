import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { webApiTypes } from '../src/server/web-types.js';

const file = join(import.meta.dirname, '..', 'web', 'src', 'api', 'openapi.d.ts');
writeFileSync(file, await webApiTypes());
console.log(`wrote ${file}`);
