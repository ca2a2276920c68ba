import { z } from 'zod';
import { CONFIDENCES, SEVERITIES } from '../../../core/severity.js';
import { LANGUAGES } from '../languages.js';

/**
 * The SAST rule format: built-in rules (`src/scanners/sast/rules/<language>/*.yml`) and a
 * repository's own (`.gatehouse/rules/*.yml`, entries with `languages`) are validated by this
 * one schema. docs/sast-rules.md describes every key.
 */

const METAVAR = /^\$[A-Z_][A-Z0-9_]*$/;
const metavar = z.string().regex(METAVAR, 'must be a metavariable such as $CMD');
const nonEmpty = z.string().trim().min(1);

/** A constraint on what a metavariable captured (ast-grep regexes: Rust syntax, no look-around). */
export const constraintSchema = z
  .strictObject({
    regex: nonEmpty.optional(),
    'not-regex': nonEmpty.optional(),
    kind: z.union([nonEmpty, z.array(nonEmpty).min(1)]).optional(),
  })
  .refine((c) => c.regex || c['not-regex'] || c.kind, {
    message: "needs 'regex', 'not-regex' or 'kind'",
  });

export type ConstraintSpec = z.output<typeof constraintSchema>;

const patternObject = z.strictObject({
  context: nonEmpty,
  selector: nonEmpty,
  strictness: z.enum(['cst', 'smart', 'ast', 'relaxed', 'signature']).optional(),
});

export interface MatcherSpec {
  pattern?: string | z.output<typeof patternObject>;
  kind?: string;
  regex?: string;
  all?: MatcherSpec[];
  any?: MatcherSpec[];
  not?: MatcherSpec;
  inside?: MatcherSpec;
  'not-inside'?: MatcherSpec;
  has?: MatcherSpec;
  'not-has'?: MatcherSpec;
  where?: Record<string, ConstraintSpec>;
}

/** The keys that say what a node is; the others only narrow. ast-grep needs at least one. */
export const POSITIVE_KEYS = ['pattern', 'kind', 'regex', 'all', 'any'] as const;
export const MATCHER_KEYS = [
  ...POSITIVE_KEYS,
  'not',
  'inside',
  'not-inside',
  'has',
  'not-has',
  'where',
] as const;

const matcherShape = {
  pattern: z.union([nonEmpty, patternObject]).optional(),
  kind: nonEmpty.optional(),
  regex: nonEmpty.optional(),
  // Items of `all` only narrow each other: one positive among them is enough.
  get all() {
    return z.array(looseMatcherSchema).min(1).optional();
  },
  // Items of `any` may only narrow too (`inside` one thing or another) when a sibling key says what the node is.
  get any() {
    return z.array(looseMatcherSchema).min(1).optional();
  },
  get not() {
    return matcherSchema.optional();
  },
  get inside() {
    return matcherSchema.optional();
  },
  get 'not-inside'() {
    return matcherSchema.optional();
  },
  get has() {
    return matcherSchema.optional();
  },
  get 'not-has'() {
    return matcherSchema.optional();
  },
  where: z.record(metavar, constraintSchema).optional(),
};

function hasPositive(m: MatcherSpec): boolean {
  if (m.pattern !== undefined || m.kind !== undefined || m.regex !== undefined || m.any !== undefined)
    return true;
  return m.all?.some(hasPositive) ?? false;
}
const POSITIVE_MESSAGE = `needs one of ${POSITIVE_KEYS.map((k) => `'${k}'`).join(', ')} (in 'all', in one of its items)`;

const looseMatcherSchema: z.ZodType<MatcherSpec> = z.strictObject(matcherShape);

export const matcherSchema: z.ZodType<MatcherSpec> = z
  .strictObject(matcherShape)
  .refine(hasPositive, { message: POSITIVE_MESSAGE });

/** A source, sink or sanitizer: a matcher, and optionally which part of the match is meant. */
const siteSchema = z
  .strictObject({
    ...matcherShape,
    /** The metavariable whose node is the source / sink / sanitised value (default: the whole match). */
    focus: metavar.optional(),
    /** For calls: the 0-based positional argument that is the source / sink. */
    argument: z.number().int().min(0).optional(),
  })
  .refine(hasPositive, { message: POSITIVE_MESSAGE })
  .refine((s) => !(s.focus && s.argument !== undefined), { message: "use 'focus' or 'argument', not both" });

export type SiteSpec = z.output<typeof siteSchema>;

/** Data flows from the `from` metavariable into the `to` one wherever the matcher matches. */
const propagatorSchema = z
  .strictObject({ ...matcherShape, from: metavar, to: metavar })
  .refine(hasPositive, { message: POSITIVE_MESSAGE });

export type PropagatorSpec = z.output<typeof propagatorSchema>;

const ruleId = z
  .string()
  .regex(/^[A-Za-z0-9][\w.-]*(\/[\w.-]+)*$/, 'letters, digits, `.`, `_`, `-`, and `/` between parts');

const owasp = z.string().regex(/^A(0[1-9]|10):20\d\d$/, 'must be an OWASP Top 10 category such as A03:2021');

const strings = z.array(nonEmpty).default([]);

const TAINT_KEYS = ['sources', 'sinks', 'sanitizers', 'propagators'] as const;

export const sastRuleSchema = z
  .strictObject({
    id: ruleId,
    title: nonEmpty,
    description: nonEmpty.optional(),
    languages: z.array(z.enum(LANGUAGES)).min(1),
    severity: z.enum(SEVERITIES),
    confidence: z.enum(CONFIDENCES).default('medium'),
    /** What a finding says; `$NAME` is replaced by what that metavariable matched, `$SOURCE` by the taint source. */
    message: nonEmpty,
    cwe: z.array(z.string().regex(/^CWE-\d+$/, 'must be written CWE-<number>')).default([]),
    owasp: z.array(owasp).default([]),
    nist: strings,
    controls: strings,
    /** How to fix it, in prose. */
    fix: nonEmpty,
    /** Safe code that does the same job. */
    example: nonEmpty.optional(),
    references: z.array(z.url()).default([]),
    tags: strings,
    mode: z.enum(['search', 'taint']).default('search'),
    /**
     * Words one of which a file must contain for the rule to run, for search rules the engine
     * cannot infer them for (kind- or regex-only matchers).
     */
    anchors: z
      .array(z.string().regex(/^[A-Za-z_$][\w$]*$/, 'an anchor is one identifier-like word'))
      .min(1)
      .optional(),
    ...matcherShape,
    sources: z.array(siteSchema).min(1).optional(),
    sinks: z.array(siteSchema).min(1).optional(),
    sanitizers: z.array(siteSchema).optional(),
    propagators: z.array(propagatorSchema).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.mode === 'taint') {
      for (const k of MATCHER_KEYS)
        if (r[k] !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [k],
            message: "a taint rule matches through 'sources' and 'sinks'",
          });
      for (const k of ['sources', 'sinks'] as const)
        if (!r[k]) ctx.addIssue({ code: 'custom', path: [k], message: 'a taint rule needs at least one' });
      if (r.anchors)
        ctx.addIssue({
          code: 'custom',
          path: ['anchors'],
          message: "only search rules have 'anchors'; a taint rule's come from its sinks and sources",
        });
      return;
    }
    for (const k of TAINT_KEYS)
      if (r[k] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [k],
          message: "only taint rules ('mode: taint') have this key",
        });
    if (!hasPositive(r)) ctx.addIssue({ code: 'custom', path: [], message: POSITIVE_MESSAGE });
  });

export type SastRuleSpec = z.output<typeof sastRuleSchema>;
