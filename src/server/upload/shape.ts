import { UploadError } from './errors.js';

export type Json = Record<string, unknown>;

/** `runs[0]` + `results` -> `runs[0].results`. */
export function key(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

/**
 * Type checks on the parts of a document a reader uses, each failing with the format and the
 * JSON path: `SARIF runs[0].results[3].locations[0]: expected an object`. Optional parts may be
 * absent or null (several tools write null for "none"); present ones must have the right type.
 */
export class Shape {
  constructor(private readonly format: string) {}

  fail(path: string, problem: string): never {
    throw new UploadError('invalid_report', `${this.format} ${path || 'document'}: ${problem}`);
  }

  object(value: unknown, path: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      this.fail(path, `expected an object, found ${describe(value)}`);
    return value as Json;
  }

  optObject(value: unknown, path: string): Json | undefined {
    return value === undefined || value === null ? undefined : this.object(value, path);
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `expected an array, found ${describe(value)}`);
    return value;
  }

  optArray(value: unknown, path: string): unknown[] {
    return value === undefined || value === null ? [] : this.array(value, path);
  }

  optString(value: unknown, path: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') this.fail(path, `expected a string, found ${describe(value)}`);
    return value;
  }

  /** A 1-based line or column; SARIF allows 0 for "unknown" in a few places, read as absent. */
  optPositive(value: unknown, path: string): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      this.fail(path, `expected a non-negative integer, found ${describe(value)}`);
    return value > 0 ? value : undefined;
  }

  /** Array items that must be objects, with their paths. */
  objects(value: unknown, path: string): { item: Json; path: string }[] {
    return this.optArray(value, path).map((v, i) => ({
      item: this.object(v, index(path, i)),
      path: index(path, i),
    }));
  }
}

/** What a value is, for messages: short, and never the value itself (it may be a secret). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

/** A string, else nothing: for leaf fields tools fill loosely, where a wrong type should not refuse the report. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Strings of an array, ignoring the other items. */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** An object, else nothing: for property bags and metadata read loosely. */
export function bag(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}
