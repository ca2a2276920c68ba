import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulePacks } from '../scanners/index.js';
import { rulesDocs } from './rules-docs.js';

const DIR = join(import.meta.dirname, '..', '..', 'docs', 'rules');
const DOCS = rulesDocs(await rulePacks());

describe('docs/rules', () => {
  it.each([...DOCS].map(([name, text]) => [name, text]))(
    '%s is up to date (npm run docs:rules)',
    (name, text) => {
      expect(readFileSync(join(DIR, name), 'utf8')).toBe(text);
    },
  );
});
