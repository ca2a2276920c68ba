import { UserError } from '../core/errors.js';
import type { Format } from './format.js';
import { githubFormat } from './github.js';
import { jsonFormat } from './json.js';
import { junitFormat } from './junit.js';
import { markdownFormat } from './markdown.js';
import { sarifFormat } from './sarif.js';
import { tableFormat } from './table.js';

export type { Format, RenderOptions } from './format.js';

/** Every output format, in the order `--help` lists them. */
export const FORMATS: readonly Format[] = [
  tableFormat,
  jsonFormat,
  sarifFormat,
  junitFormat,
  markdownFormat,
  githubFormat,
];

export function formatNames(): string[] {
  return FORMATS.map((f) => f.name);
}

/** The format called `name`; an unknown name is a usage error that lists the valid ones. */
export function getFormat(name: string): Format {
  const format = FORMATS.find((f) => f.name === name);
  if (!format) {
    throw new UserError(`unknown format '${name}'`, `valid formats: ${formatNames().join(', ')}`);
  }
  return format;
}
