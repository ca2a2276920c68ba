import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { webApiTypes } from './web-types.js';

describe('web/src/api/openapi.d.ts', () => {
  it('matches the OpenAPI document (npm run docs:api)', async () => {
    const file = join(import.meta.dirname, '..', '..', 'web', 'src', 'api', 'openapi.d.ts');
    expect(readFileSync(file, 'utf8')).toBe(await webApiTypes());
  });
});
