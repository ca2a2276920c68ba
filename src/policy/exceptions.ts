import { createHash } from 'node:crypto';
import picomatch from 'picomatch';
import { z } from 'zod';
import { formatIssues, readYamlFile } from '../core/config.js';
import { type ExceptionConfig, exceptionSchema } from '../core/config-schema.js';
import { UserError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const GLOB_OPTIONS = { dot: true } as const;

/** An exception ready to match findings. */
export interface PolicyException {
  /** Given in the file, or derived from its content so it stays stable across runs. */
  id: string;
  /** Where it was written, e.g. `gatehouse.yml: exceptions[2]`, so a reader can find it. */
  source: string;
  spec: ExceptionConfig;
  /** The first instant it no longer applies (the day after `expires`, 00:00 UTC); absent if it never expires. */
  endsAt?: Date;
  matches(finding: Finding): boolean;
}

/** An exception as read, with the place it came from. */
export interface ExceptionEntry {
  spec: ExceptionConfig;
  source: string;
}

/** `exc-` + 8 hex of the sha256 of the exception's content with keys sorted. */
export function exceptionId(spec: ExceptionConfig): string {
  if (spec.id) return spec.id;
  const { id: _ignored, ...rest } = spec;
  const canonical = JSON.stringify(
    Object.fromEntries(
      Object.entries(rest)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
  );
  return `exc-${createHash('sha256').update(canonical).digest('hex').slice(0, 8)}`;
}

/**
 * Every criterion given must hold: a fingerprint (prefix, the schema requires >= 8 hex),
 * a rule id or glob, a path glob. A narrower match is the safer reading of a mixed entry.
 */
export function compileException(spec: ExceptionConfig, source: string): PolicyException {
  const tests: ((f: Finding) => boolean)[] = [];
  if (spec.fingerprint) {
    const prefix = spec.fingerprint;
    tests.push((f) => f.fingerprint.startsWith(prefix));
  }
  if (spec.rule) {
    const rule = spec.rule;
    const glob = globMatcher(rule, `${source}.rule`);
    tests.push((f) => f.ruleId === rule || glob(f.ruleId));
  }
  if (spec.path) {
    const glob = globMatcher(spec.path, `${source}.path`);
    tests.push((f) => glob(f.location.path));
  }
  const exception: PolicyException = {
    id: exceptionId(spec),
    source,
    spec,
    matches: (f) => tests.every((t) => t(f)),
  };
  if (spec.expires) exception.endsAt = new Date(Date.parse(`${spec.expires}T00:00:00Z`) + DAY_MS);
  return exception;
}

function globMatcher(glob: string, where: string): (s: string) => boolean {
  try {
    return picomatch(glob, GLOB_OPTIONS);
  } catch (e) {
    throw new UserError(`${where}: invalid glob ${JSON.stringify(glob)}: ${(e as Error).message}`);
  }
}

/** The exception applies through the whole of its `expires` day, in UTC. */
export function isExpired(exception: PolicyException, now: Date): boolean {
  return exception.endsAt !== undefined && now.getTime() >= exception.endsAt.getTime();
}

/** Compiles all exceptions; two with one id would make `exceptions[<id>]` ambiguous. */
export function compileExceptions(entries: readonly ExceptionEntry[]): PolicyException[] {
  const byId = new Map<string, PolicyException>();
  for (const { spec, source } of entries) {
    const exception = compileException(spec, source);
    const twin = byId.get(exception.id);
    if (twin) {
      throw new UserError(
        `${source}: exception id '${exception.id}' is already used by ${twin.source}`,
        spec.id ? 'give each exception its own id' : 'the two exceptions are identical: remove one',
      );
    }
    byId.set(exception.id, exception);
  }
  return [...byId.values()];
}

const fileSchema = z.strictObject({ exceptions: z.array(exceptionSchema).default([]) });

/**
 * Reads an exceptions file: a top-level list, or `{exceptions: [...]}`. An empty file is
 * an empty list (every exception removed), not an error.
 */
export function loadExceptionsFile(path: string, shownAs = path): ExceptionEntry[] {
  const raw = readYamlFile(path);
  if (raw === null || raw === undefined) return [];
  if (typeof raw !== 'object') {
    throw new UserError(
      `${path}: must be a list of exceptions, or a map with an 'exceptions:' list`,
      'each exception has reason, approver, and a fingerprint or a rule (optionally path and expires)',
    );
  }
  // Both shapes report keys as `exceptions[i]...`, so messages read the same either way.
  const list = Array.isArray(raw)
    ? parseOrThrow(z.array(exceptionSchema), raw, path, 'exceptions')
    : parseOrThrow(fileSchema, raw, path, '').exceptions;
  return list.map((spec, i) => ({ spec, source: `${shownAs}: exceptions[${i}]` }));
}

function parseOrThrow<T extends z.ZodType>(
  schema: T,
  raw: unknown,
  path: string,
  prefix: string,
): z.output<T> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new UserError(formatIssues(path, result.error.issues, prefix), 'see docs/policy.md for exceptions');
  }
  return result.data;
}
