import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiReference } from './api-docs.js';

describe('docs/api-reference.md', () => {
  it('is up to date (npm run docs:api)', () => {
    expect(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'api-reference.md'), 'utf8')).toBe(
      apiReference(),
    );
  });
});
