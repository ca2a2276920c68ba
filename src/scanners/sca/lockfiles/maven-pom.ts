import { LineIndex } from './line-index.js';
import { LockfileError } from './parser.js';
import { child, children, childText, elementLine, isNode, parseXml, type XmlNode } from './safe-xml.js';

/** A `<dependency>` as written: values are not interpolated yet. */
export interface RawDependency {
  groupId?: string;
  artifactId?: string;
  version?: string;
  type?: string;
  classifier?: string;
  scope?: string;
  optional?: string;
  /** The POM that declares it (a parent's dependencies are declared in the parent). */
  path: string;
  line?: number;
}

export interface RawParent {
  groupId?: string;
  artifactId?: string;
  version?: string;
  /** Undefined when absent (Maven then looks at `../pom.xml`); '' when given empty (no local look-up). */
  relativePath?: string;
}

/** The parts of one POM file that decide its dependencies, before inheritance and interpolation. */
export interface RawPom {
  path: string;
  groupId?: string;
  artifactId?: string;
  version?: string;
  parent?: RawParent;
  properties: Map<string, string>;
  dependencies: RawDependency[];
  managed: RawDependency[];
}

const ARRAY_TAGS = new Set(['dependency', 'profile']);

/** Reads a POM; throws `LockfileError` when the file is not XML or its root is not `<project>`. */
export function readPom(text: string, path: string): RawPom {
  const doc = parseXml(text, ARRAY_TAGS);
  if (!('project' in doc)) throw new LockfileError('the root element is not <project>: not a Maven POM');
  const node = isNode(doc.project) ? doc.project : {};
  const lines = new LineIndex(text);
  const pom: RawPom = {
    path,
    ...coordinates(node),
    properties: new Map(),
    dependencies: [],
    managed: [],
  };
  const parent = child(node, 'parent');
  if (parent) pom.parent = readParent(parent);
  for (const part of [node, ...activeProfiles(node)]) addPart(pom, part, lines);
  return pom;
}

function coordinates(node: XmlNode): { groupId?: string; artifactId?: string; version?: string } {
  const c: { groupId?: string; artifactId?: string; version?: string } = {};
  for (const field of ['groupId', 'artifactId', 'version'] as const) {
    const value = childText(node, field);
    if (value) c[field] = value;
  }
  return c;
}

function readParent(node: XmlNode): RawParent {
  const parent: RawParent = coordinates(node);
  const relativePath = childText(node, 'relativePath');
  if (relativePath !== undefined) parent.relativePath = relativePath;
  return parent;
}

/**
 * Profiles active by default are part of every build; the others depend on the machine, the
 * JDK or the command line, which a scan cannot know, so they are left out.
 */
function activeProfiles(project: XmlNode): XmlNode[] {
  return children(child(project, 'profiles'), 'profile').filter(
    (p) => childText(child(p, 'activation') ?? {}, 'activeByDefault') === 'true',
  );
}

/** The project itself and each active profile contribute properties, dependencies and management. */
function addPart(pom: RawPom, part: XmlNode, lines: LineIndex): void {
  const properties = child(part, 'properties') ?? {};
  for (const [name, value] of Object.entries(properties)) {
    if (name.startsWith('@') || name === '#text') continue;
    // A property declared twice keeps its last value, as Maven reads it.
    const text = childText(Array.isArray(value) ? { [name]: value.at(-1) } : properties, name);
    if (text !== undefined) pom.properties.set(name, text);
  }
  // A loop, not push(...list): a hostile POM's hundreds of thousands of elements would overflow the call.
  for (const node of children(child(part, 'dependencies'), 'dependency')) {
    pom.dependencies.push(readDependency(node, pom.path, lines));
  }
  const management = child(child(part, 'dependencyManagement') ?? {}, 'dependencies');
  for (const node of children(management, 'dependency'))
    pom.managed.push(readDependency(node, pom.path, lines));
}

const DEPENDENCY_FIELDS = [
  'groupId',
  'artifactId',
  'version',
  'type',
  'classifier',
  'scope',
  'optional',
] as const;

function readDependency(node: XmlNode, path: string, lines: LineIndex): RawDependency {
  const dep: RawDependency = { path };
  const line = elementLine(lines, node);
  if (line !== undefined) dep.line = line;
  for (const field of DEPENDENCY_FIELDS) {
    const value = childText(node, field);
    if (value) dep[field] = value;
  }
  return dep;
}
