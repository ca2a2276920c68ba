import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SARIF_SCHEMA_PATH = resolve(
  repoRoot,
  '../shared/schemas/sarif/sarif-2.1/schema/sarif-schema-2.1.0.json',
);
export const haveSarifSchema = existsSync(SARIF_SCHEMA_PATH);

/**
 * The official schema is JSON Schema draft-04 (`id`, draft-04 `$schema`), which ajv 8 does not
 * load as such; its keywords are otherwise draft-07 compatible, so the id is renamed.
 */
export function sarifValidator() {
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8'));
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}
