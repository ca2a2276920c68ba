import { asArray, asRecord, isRecord, parseTomlDocument, siblingPath } from './lockfile-text.js';
import type { LockfileInput, LockfileWarning } from './parser.js';
import { normalizePypiName } from './pypi-package.js';

/** What the project's own pyproject.toml declares, which no Python lockfile records by itself. */
export interface ProjectDeclarations {
  /** PEP 503 names of every dependency the project lists, in any group. */
  direct: Set<string>;
  /** Groups that exist only for development: PEP 735 groups, poetry's non-main groups, pdm/uv dev-dependencies. */
  devGroups: Set<string>;
}

/** The sibling pyproject.toml's declarations, or undefined when there is none (direct stays unknown). */
export function readProjectDeclarations(
  input: LockfileInput,
  warnings: LockfileWarning[],
): ProjectDeclarations | undefined {
  const path = siblingPath(input.path, 'pyproject.toml');
  const text = input.readFile(path);
  if (text === undefined) return undefined;
  let doc: Record<string, unknown>;
  try {
    doc = parseTomlDocument(text);
  } catch (error) {
    warnings.push({ message: `${path}: ${(error as Error).message}; direct dependencies are unknown`, path });
    return undefined;
  }
  const declarations: ProjectDeclarations = { direct: new Set(), devGroups: new Set() };
  addStandardTables(doc, declarations);
  addPoetryTables(asRecord(asRecord(doc.tool).poetry), declarations);
  addDevTables(asRecord(doc.tool), declarations);
  return declarations;
}

/** `name` from a PEP 508 requirement string (`requests[socks]>=2; python_version>"3"`). */
export function requirementName(requirement: unknown): string | undefined {
  if (typeof requirement !== 'string') return undefined;
  return /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(requirement)?.[1];
}

function addRequirements(list: unknown, declarations: ProjectDeclarations): void {
  for (const requirement of asArray(list)) {
    const name = requirementName(requirement);
    if (name) declarations.direct.add(normalizePypiName(name));
  }
}

function addNames(table: unknown, declarations: ProjectDeclarations): void {
  for (const name of Object.keys(asRecord(table))) {
    if (name.toLowerCase() !== 'python') declarations.direct.add(normalizePypiName(name));
  }
}

/** PEP 621 `[project]` and PEP 735 `[dependency-groups]` (entries may be `{include-group = …}` tables). */
function addStandardTables(doc: Record<string, unknown>, declarations: ProjectDeclarations): void {
  const project = asRecord(doc.project);
  addRequirements(project.dependencies, declarations);
  for (const list of Object.values(asRecord(project['optional-dependencies'])))
    addRequirements(list, declarations);
  for (const [group, list] of Object.entries(asRecord(doc['dependency-groups']))) {
    declarations.devGroups.add(group);
    addRequirements(list, declarations);
  }
}

/** Poetry: `dependencies` is the main group; every other group and `dev-dependencies` is for development. */
function addPoetryTables(poetry: Record<string, unknown>, declarations: ProjectDeclarations): void {
  addNames(poetry.dependencies, declarations);
  addNames(poetry['dev-dependencies'], declarations);
  if (isRecord(poetry['dev-dependencies'])) declarations.devGroups.add('dev');
  for (const [group, table] of Object.entries(asRecord(poetry.group))) {
    if (group !== 'main') declarations.devGroups.add(group);
    addNames(asRecord(table).dependencies, declarations);
  }
}

/** `[tool.pdm.dev-dependencies]` (named groups) and `[tool.uv] dev-dependencies` (one list, the `dev` group). */
function addDevTables(tool: Record<string, unknown>, declarations: ProjectDeclarations): void {
  for (const [group, list] of Object.entries(asRecord(asRecord(tool.pdm)['dev-dependencies']))) {
    declarations.devGroups.add(group);
    addRequirements(list, declarations);
  }
  const uvDev = asRecord(tool.uv)['dev-dependencies'];
  if (Array.isArray(uvDev)) {
    declarations.devGroups.add('dev');
    addRequirements(uvDev, declarations);
  }
}
