import { posix } from 'node:path';
import type { Package } from '../../../core/package.js';
import { type GoDirective, readGoDirectives } from './go-mod-syntax.js';
import { confirmWithGoSum } from './go-sum.js';
import { assertLockfileSize } from './lockfile-text.js';
import type { LockfileInput, LockfileParser, LockfileResult, LockfileWarning } from './parser.js';
import { purlFor } from './purl.js';

/**
 * `go.mod`: the `require` directives after `replace` and `exclude` are applied. The `go` and
 * `toolchain` lines name the compiler, not a module, so the standard library is not reported.
 */
export const goModParser: LockfileParser = {
  name: 'go-mod',
  ecosystem: 'Go',
  format: 'go.mod (Go modules)',
  matches: (path) => posix.basename(path) === 'go.mod',
  parse,
};

/** Directives other than `require`: the rules applied to it, and those that name no dependency. */
const OTHER_VERBS = new Set([
  'replace',
  'exclude',
  'module',
  'go',
  'toolchain',
  'godebug',
  'retract',
  'tool',
  'ignore',
]);

/** Module paths as the Go reference allows them: slash-separated elements of letters, digits and `-._~+`. */
const MODULE_PATH = /^[A-Za-z0-9._~+-]+(?:\/[A-Za-z0-9._~+-]+)*$/;

/** Canonical semantic version as Go writes it, pseudo-versions and `+incompatible` included. */
const GO_VERSION = /^v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

interface Replacement {
  path: string;
  version?: string;
}

interface Rules {
  replacements: Map<string, Replacement>;
  excluded: Set<string>;
}

function parse(input: LockfileInput): LockfileResult {
  assertLockfileSize(input.text);
  const warnings: LockfileWarning[] = [];
  const directives = readGoDirectives(input.text);
  const rules = readRules(directives, warnings);
  const packages = new Map<string, Package>();
  for (const directive of directives) {
    if (directive.verb === 'require') addRequirement(directive, rules, input.path, packages, warnings);
    else if (!OTHER_VERBS.has(directive.verb)) {
      warnings.push({ message: `unknown directive "${directive.verb}"; ignored`, line: directive.line });
    }
  }
  confirmWithGoSum(input, [...packages.values()], warnings);
  return { packages: [...packages.values()], warnings };
}

/** `replace old [v] => new [v]` (keyed `old@v`, or `old` for every version) and `exclude mod v`. */
function readRules(directives: GoDirective[], warnings: LockfileWarning[]): Rules {
  const rules: Rules = { replacements: new Map(), excluded: new Set() };
  for (const { verb, args, line } of directives) {
    if (verb === 'exclude' && args.length === 2) rules.excluded.add(`${args[0]}@${args[1]}`);
    else if (verb === 'replace') addReplacement(args, rules, line, warnings);
    else if (verb === 'exclude')
      warnings.push({ message: 'exclude needs a module path and a version', line });
  }
  return rules;
}

function addReplacement(args: string[], rules: Rules, line: number, warnings: LockfileWarning[]): void {
  const arrow = args.indexOf('=>');
  const [from, to] = [args.slice(0, arrow), args.slice(arrow + 1)];
  const target = to[0] ?? '';
  const malformed = arrow < 1 || from.length > 2 || to.length < 1 || to.length > 2;
  // A module on the right needs a version; only a folder stands alone.
  const valid = isLocalPath(target) ? to.length === 1 : MODULE_PATH.test(target) && to.length === 2;
  if (malformed || !valid) {
    warnings.push({ message: 'replace needs "module [version] => module version" or "=> local/path"', line });
    return;
  }
  rules.replacements.set(from.join('@'), { path: target, version: to[1] });
}

function addRequirement(
  directive: GoDirective,
  rules: Rules,
  path: string,
  packages: Map<string, Package>,
  warnings: LockfileWarning[],
): void {
  const [module, version] = directive.args;
  if (directive.args.length !== 2 || !module || !version) {
    warnings.push({ message: 'require needs a module path and a version', line: directive.line });
    return;
  }
  if (!MODULE_PATH.test(module)) {
    warnings.push({
      message: `"${module.slice(0, 100)}" is not a module path; skipped`,
      line: directive.line,
    });
    return;
  }
  const where: Where = { path, line: directive.line, direct: !isIndirect(directive.comment) };
  const pkg = requiredPackage(module, version, rules, where, warnings);
  if (!packages.has(pkg.key)) packages.set(pkg.key, pkg);
}

/** Where a requirement is declared and whether the module itself asks for it. */
interface Where {
  path: string;
  line: number;
  direct: boolean;
}

/** The module that is actually built: the replacement when one applies to this version. */
function requiredPackage(
  module: string,
  version: string,
  rules: Rules,
  where: Where,
  warnings: LockfileWarning[],
): Package {
  const replacement = rules.replacements.get(`${module}@${version}`) ?? rules.replacements.get(module);
  if (replacement && isLocalPath(replacement.path)) return goPackage(module, '', replacement.path, where);
  const target = replacement?.version ? { path: replacement.path, version: replacement.version } : undefined;
  if (!target && rules.excluded.has(`${module}@${version}`)) {
    warnings.push({
      message: `${module} ${version} is excluded; Go picks a later version`,
      line: where.line,
    });
    return goPackage(module, '', `>${version}`, where);
  }
  const chosen = target ?? { path: module, version };
  if (!GO_VERSION.test(chosen.version)) {
    warnings.push({ message: `${chosen.path} ${chosen.version}: not a Go module version`, line: where.line });
    return goPackage(chosen.path, '', chosen.version, where);
  }
  return goPackage(chosen.path, chosen.version.slice(1), undefined, where);
}

/** Go marks a requirement needed only by dependencies with `// indirect` (optionally followed by `; …`). */
function isIndirect(comment: string): boolean {
  return comment === 'indirect' || comment.startsWith('indirect;');
}

/** The Go reference: a replacement path starting with `./`, `../` or a root is a folder on disk. */
function isLocalPath(path: string): boolean {
  return /^(?:\.\.?(?:[/\\]|$)|\/|\\|[A-Za-z]:[/\\])/.test(path);
}

/** OSV's Go versions have no `v`, so the version is stored without it; '' with a constraint when unknown. */
function goPackage(module: string, version: string, constraint: string | undefined, where: Where): Package {
  const pkg: Package = {
    ecosystem: 'Go',
    name: module,
    version,
    resolved: version !== '',
    purl: purlFor('Go', module, version),
    direct: where.direct,
    source: { path: where.path, line: where.line },
    key: `${module}@${version || constraint}`,
  };
  if (constraint !== undefined) pkg.constraint = constraint;
  return pkg;
}
