import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { packageRoot } from '../../core/package-root.js';

type SchemaNode = Record<string, unknown>;

let strict: ValidateFunction | undefined;
let lenient: ValidateFunction | undefined;

/**
 * The validator of docs/report-schema.json (JSON Schema draft 2020-12, hence Ajv2020), compiled
 * once. `newerMinor`: the report is from a newer 1.x Gatehouse, whose new optional fields the
 * schema would refuse; docs/report-format.md promises readers accept those, so that validator
 * allows unknown fields and checks the rest as strictly.
 */
export function reportValidator(newerMinor: boolean): ValidateFunction {
  if (newerMinor) {
    lenient ??= compile(allowUnknownFields(loadSchema()));
    return lenient;
  }
  strict ??= compile(loadSchema());
  return strict;
}

function loadSchema(): SchemaNode {
  return JSON.parse(readFileSync(join(packageRoot(), 'docs', 'report-schema.json'), 'utf8')) as SchemaNode;
}

function compile(schema: SchemaNode): ValidateFunction {
  // allErrors off: the first problem is the message, and validation of 100,000 findings stays fast.
  const ajv = new Ajv2020.default({ allErrors: false, strict: true, allowUnionTypes: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

function allowUnknownFields(node: unknown): SchemaNode {
  if (Array.isArray(node)) return node.map(allowUnknownFields) as unknown as SchemaNode;
  if (typeof node !== 'object' || node === null) return node as SchemaNode;
  const entries = Object.entries(node)
    .filter(([k, v]) => !(k === 'additionalProperties' && v === false))
    .map(([k, v]) => [k, allowUnknownFields(v)]);
  return Object.fromEntries(entries);
}

/** `/findings/3/severity` -> `findings[3].severity`, like the other readers' messages. */
export function describeError(e: ErrorObject): string {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((s, p) => (/^\d+$/.test(p) ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
  const detail = detailOf(e);
  return `${path || 'document'}: ${e.message ?? 'is invalid'}${detail}`;
}

function detailOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (typeof p.additionalProperty === 'string') return ` ("${p.additionalProperty.slice(0, 100)}")`;
  if (Array.isArray(p.allowedValues)) return ` (${p.allowedValues.join(', ')})`;
  return '';
}
