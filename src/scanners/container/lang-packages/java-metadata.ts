import { PackageURL } from 'packageurl-js';
import { purlFor } from '../../sca/lockfiles/purl.js';
import type { Confidence, Evidence, LangPackage } from './types.js';

/** Where Maven writes the coordinates of the artifact it packaged; shaded jars hold several. */
export const POM_PROPERTIES = /(?:^|\/)META-INF\/maven\/([^/]+)\/([^/]+)\/pom\.properties$/;
export const MANIFEST = 'META-INF/MANIFEST.MF';
export const ARCHIVE = /\.(?:jar|war|ear|jpi|hpi)$/i;

export interface JavaIdentity {
  group?: string;
  artifact: string;
  version: string;
  evidence: Evidence;
}

const CONFIDENCE: Partial<Record<Evidence, Confidence>> = {
  'pom.properties': 'high',
  manifest: 'medium',
  'file-name': 'low',
};

/** `key=value` lines of a Java properties file; comments and the escapes Maven writes (`\:`) handled. */
function parseProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^((?:\\.|[^=:\s\\])+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (m) out.set(unescapeProperty(m[1]!), unescapeProperty(m[2]!));
  }
  return out;
}

function unescapeProperty(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/**
 * The main section of a jar manifest (up to the first blank line): `Name: value` headers,
 * lines wrapped at 72 bytes continuing with one leading space.
 */
export function parseManifest(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split(/\r?\n|\r/)) {
    if (line === '') break;
    if (line.startsWith(' ') && last) {
      out.set(last, out.get(last)! + line.slice(1));
      continue;
    }
    const colon = line.indexOf(': ');
    if (colon <= 0) continue;
    last = line.slice(0, colon);
    out.set(last, line.slice(colon + 2));
  }
  return out;
}

/** The coordinates pom.properties gives, its folder names standing in for a missing groupId or artifactId. */
export function pomIdentity(entry: string, text: string): JavaIdentity | undefined {
  const folders = POM_PROPERTIES.exec(entry);
  const props = parseProperties(text);
  const group = props.get('groupId') || folders?.[1];
  const artifact = props.get('artifactId') || folders?.[2];
  const version = props.get('version');
  return artifact && version ? { group, artifact, version, evidence: 'pom.properties' } : undefined;
}

/** `commons-io-2.11.0.jar` → commons-io 2.11.0: the version starts at the first `-` followed by a digit. */
export function fileNameIdentity(fileName: string): JavaIdentity | undefined {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1).replace(ARCHIVE, '');
  const m = /^(.+?)-(\d[^-]*(?:-.+)?)$/.exec(base);
  return m ? { artifact: m[1]!, version: m[2]!, evidence: 'file-name' } : undefined;
}

/** A version a build tool wrote, not an unexpanded placeholder (`${version}`, Gradle's `task ':x:jar' property …`). */
const VERSION = /^\d[\w.+-]*$/;

/** Implementation-Title/-Version, else OSGi's Bundle-SymbolicName/-Version (its `;singleton:=true` cut). */
function manifestPair(manifest: Map<string, string>): [title: string, version: string] | undefined {
  const pairs = [
    [manifest.get('Implementation-Title'), manifest.get('Implementation-Version')],
    [manifest.get('Bundle-SymbolicName')?.split(';')[0], manifest.get('Bundle-Version')],
  ];
  for (const [title, version] of pairs.map((p) => p.map((s) => s?.trim()))) {
    if (title && version && VERSION.test(version)) return [title, version];
  }
  return undefined;
}

/**
 * A jar without Maven metadata (built by Gradle, Ant, or repackaged), named by its manifest.
 * The file name is the better artifact name when it agrees on the version (titles are prose:
 * "Apache Commons IO"); maven-archiver writes the groupId as Implementation-Vendor-Id.
 */
export function manifestIdentity(manifest: Map<string, string>, fileName: string): JavaIdentity | undefined {
  const pair = manifestPair(manifest);
  if (!pair) return undefined;
  const [title, version] = pair;
  const fromName = fileNameIdentity(fileName);
  const artifact = fromName?.version === version ? fromName.artifact : title.replace(/\s+/g, '-');
  const group = manifest.get('Implementation-Vendor-Id')?.trim() || undefined;
  return { group, artifact, version, evidence: 'manifest' };
}

/**
 * A Maven purl needs a groupId, which only pom.properties and some manifests give; guessing one
 * would name a coordinate nobody published, so a jar known only by artifact and version gets a
 * `generic` purl (matched, if at all, by name, as its low confidence says).
 */
function javaPurl(id: JavaIdentity, name: string): string | undefined {
  try {
    if (id.group) return purlFor('Maven', name, id.version);
    return new PackageURL('generic', undefined, id.artifact, id.version, undefined, undefined).toString();
  } catch {
    return undefined;
  }
}

/** The package; `path` is the archive (nested ones in `outer.jar!inner.jar` notation). */
export function javaPackage(id: JavaIdentity, path: string): LangPackage | undefined {
  const name = id.group ? `${id.group}:${id.artifact}` : id.artifact;
  const purl = javaPurl(id, name);
  if (purl === undefined) return undefined;
  return {
    ecosystem: 'Maven',
    name,
    version: id.version,
    resolved: true,
    purl,
    source: { path },
    key: `${name}@${id.version}`,
    evidence: id.evidence,
    confidence: CONFIDENCE[id.evidence] ?? 'low',
  };
}
