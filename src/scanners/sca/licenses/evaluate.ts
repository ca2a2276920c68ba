import { type LicenseLeaf, type LicenseNode, parseExpression } from './expression.js';
import { normalizeLicense } from './normalize.js';
import { isListedLicense, laterVersions, licenseBase } from './spdx-data.js';

export type LicenseVerdict = 'allowed' | 'denied' | 'unknown';

/**
 * Entries are single licenses: an id (any spelling `normalizeLicense` understands), optionally
 * `+` / `-or-later` (that version and every later one) and `WITH <exception>`. An empty allow
 * list is treated as no allow list.
 */
export interface LicensePolicy {
  allow?: readonly string[];
  deny?: readonly string[];
}

interface PolicyEntry {
  /** The license versions the entry names, as bases (`GPL-2.0`, never `GPL-2.0-only`). */
  bases: ReadonlySet<string>;
  exception?: string;
}

interface CompiledPolicy {
  allow: PolicyEntry[];
  deny: PolicyEntry[];
}

/**
 * Whether a package under `expression` may be used. OR: acceptable when one branch is; AND:
 * when every part is; `X-or-later` / `X+`: when any listed version of X from that one on is (the
 * licensee may pick it). A `WITH` exception only adds permissions, so an allowed license stays
 * allowed with any exception; a denied license stays denied unless the allow list names that
 * exact exception (`GPL-2.0-only WITH Classpath-exception-2.0`). With an allow list, listed
 * licenses missing from it are denied; licenses outside the SPDX list (`LicenseRef-…`, text
 * that names no license) are unknown unless a policy entry names them.
 */
export function evaluateLicense(expression: string, policy: LicensePolicy): LicenseVerdict {
  const normalized = normalizeLicense(expression).expression;
  const tree = normalized === undefined ? undefined : parseExpression(normalized);
  return tree ? evaluateNode(tree, compiled(policy)) : 'unknown';
}

/** What is wrong with the policy's entries, one message each; empty when it can be applied. */
export function licensePolicyProblems(policy: LicensePolicy): string[] {
  const problems: string[] = [];
  for (const [list, entries] of [
    ['allow', policy.allow],
    ['deny', policy.deny],
  ] as const) {
    for (const entry of entries ?? []) {
      if (!policyLeaf(entry)) {
        problems.push(
          `licenses.${list}: "${entry}" is not a single SPDX license id (write one id per entry, e.g. "MIT", "GPL-2.0-or-later", "Apache-2.0 WITH LLVM-exception")`,
        );
      }
    }
  }
  return problems;
}

function policyLeaf(entry: string): LicenseLeaf | undefined {
  const normalized = normalizeLicense(entry).expression;
  const tree = normalized === undefined ? undefined : parseExpression(normalized);
  return tree && 'license' in tree ? tree : undefined;
}

const cache = new WeakMap<LicensePolicy, CompiledPolicy>();

function compiled(policy: LicensePolicy): CompiledPolicy {
  let result = cache.get(policy);
  if (!result) {
    const problems = licensePolicyProblems(policy);
    if (problems.length > 0) throw new Error(problems.join('; '));
    const entries = (list: readonly string[] | undefined) =>
      (list ?? []).map((e) => policyEntry(policyLeaf(e)!));
    result = { allow: entries(policy.allow), deny: entries(policy.deny) };
    cache.set(policy, result);
  }
  return result;
}

function policyEntry(leaf: LicenseLeaf): PolicyEntry {
  return { bases: new Set(choices(leaf)), exception: leaf.exception };
}

/**
 * The license versions a leaf lets the licensee choose from, lower-cased: SPDX matches ids
 * without regard to case, which matters for `LicenseRef-` ids nobody normalises.
 */
function choices(leaf: LicenseLeaf): string[] {
  const bases =
    leaf.plus || leaf.license.endsWith('-or-later')
      ? laterVersions(leaf.license)
      : [licenseBase(leaf.license)];
  return bases.map((b) => b.toLowerCase());
}

function evaluateNode(node: LicenseNode, policy: CompiledPolicy): LicenseVerdict {
  if ('license' in node) return leafVerdict(node, policy);
  const verdicts = [evaluateNode(node.left, policy), evaluateNode(node.right, policy)];
  return node.conjunction === 'or' ? anyOf(verdicts) : allOf(verdicts);
}

/** Three-valued OR: one acceptable choice is enough; unknown beats a certain refusal. */
function anyOf(verdicts: LicenseVerdict[]): LicenseVerdict {
  if (verdicts.includes('allowed')) return 'allowed';
  return verdicts.includes('unknown') ? 'unknown' : 'denied';
}

/** Three-valued AND: one refused part refuses the whole. */
function allOf(verdicts: LicenseVerdict[]): LicenseVerdict {
  if (verdicts.includes('denied')) return 'denied';
  return verdicts.includes('unknown') ? 'unknown' : 'allowed';
}

function leafVerdict(leaf: LicenseLeaf, policy: CompiledPolicy): LicenseVerdict {
  const known = isListedLicense(leaf.license);
  return anyOf(choices(leaf).map((base) => choiceVerdict(base, leaf.exception, known, policy)));
}

function choiceVerdict(
  base: string,
  exception: string | undefined,
  known: boolean,
  policy: CompiledPolicy,
): LicenseVerdict {
  const matches = (e: PolicyEntry) =>
    e.bases.has(base) && (e.exception === undefined || e.exception === exception);
  const exactlyAllowed = policy.allow.some((e) => e.exception !== undefined && matches(e));
  if (!exactlyAllowed && policy.deny.some(matches)) return 'denied';
  if (policy.allow.some(matches)) return 'allowed';
  if (!known) return 'unknown';
  return policy.allow.length > 0 ? 'denied' : 'allowed';
}
