import type { Entry, ZipFile } from 'yauzl';
import { decodeText, Problems } from '../os-packages/problems.js';
import { errorMessage } from './error-message.js';
import {
  ARCHIVE,
  fileNameIdentity,
  type JavaIdentity,
  javaPackage,
  MANIFEST,
  manifestIdentity,
  POM_PROPERTIES,
  parseManifest,
  pomIdentity,
} from './java-metadata.js';
import type { LangFile, LangPackage, LangResult } from './types.js';
import { entryName, openZip, readEntry, ZIP_LIMITS, type ZipBudget } from './zip-archive.js';

export function isJavaArchivePath(path: string): boolean {
  return ARCHIVE.test(path);
}

/** What one archive says about itself, and the packages of the archives nested in it. */
interface Found {
  poms: JavaIdentity[];
  manifest?: Map<string, string>;
  nested: LangPackage[];
  /** A war, an ear or a fat jar holds archives; it need not be a package itself. */
  holdsArchives: boolean;
}

/** One walk of an archive and its nesting; problems name the nested path (`a.war!WEB-INF/lib/b.jar`). */
class Walk {
  readonly budget: ZipBudget = { inflated: 0, archives: 0, entries: 0 };
  constructor(readonly problems: Problems) {}

  report(code: string, path: string, why: string): void {
    this.problems.add('warning', code, `${path}: ${why}`);
  }
}

/**
 * The Maven packages in a jar, war or ear and in the archives nested in it (`BOOT-INF/lib`,
 * `WEB-INF/lib`, an ear's modules): each `pom.properties`, else the manifest, else the file name.
 */
export async function readJavaArchive(file: LangFile): Promise<LangResult> {
  const walk = new Walk(new Problems(file.path));
  const packages = await readArchive(file.content, file.path, 0, walk);
  return { packages: onePerArchive(packages), diagnostics: walk.problems.diagnostics() };
}

/** A jar shaded twice over lists one artifact's pom.properties twice: one package. */
function onePerArchive(packages: LangPackage[]): LangPackage[] {
  const seen = new Set<string>();
  return packages.filter((p) => {
    const key = `${p.source.path}\u0000${p.key}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function readArchive(content: Buffer, path: string, depth: number, walk: Walk): Promise<LangPackage[]> {
  let zip: ZipFile;
  try {
    zip = await openZip(content);
  } catch (e) {
    walk.report('archive-corrupt', path, `not a readable zip archive (${errorMessage(e)})`);
    return [];
  }
  try {
    const tooMany = entryLimit(zip.entryCount, walk.budget);
    if (tooMany) {
      walk.report('archive-limit', path, tooMany);
      return [];
    }
    const found = await scan(zip, path, depth, walk);
    return [...identify(found, path, walk), ...found.nested];
  } finally {
    zip.close();
  }
}

function entryLimit(count: number, budget: ZipBudget): string | undefined {
  if (count > ZIP_LIMITS.maxEntries) return `${count} entries, over the ${ZIP_LIMITS.maxEntries} read`;
  budget.entries += count;
  if (budget.entries > ZIP_LIMITS.maxTotalEntries) {
    return `over ${ZIP_LIMITS.maxTotalEntries} entries in this file and the archives nested in it`;
  }
  return undefined;
}

async function scan(zip: ZipFile, path: string, depth: number, walk: Walk): Promise<Found> {
  const found: Found = { poms: [], nested: [], holdsArchives: false };
  try {
    for await (const entry of zip.eachEntry()) await visit(zip, entry, path, depth, walk, found);
  } catch (e) {
    walk.report('archive-corrupt', path, `damaged; read up to the damage (${errorMessage(e)})`);
  }
  return found;
}

async function visit(zip: ZipFile, entry: Entry, path: string, depth: number, walk: Walk, found: Found) {
  const name = entryName(entry);
  if (name.endsWith('/')) return;
  const isPom = POM_PROPERTIES.test(name);
  if (isPom || name.toUpperCase() === MANIFEST) {
    const bytes = await readEntry(zip, entry, ZIP_LIMITS.maxMetadataBytes, walk.budget);
    if (typeof bytes === 'string') return walk.report('archive-entry-unread', `${path}!${name}`, bytes);
    if (!isPom) found.manifest = parseManifest(decodeText(bytes));
    else {
      const id = pomIdentity(name, decodeText(bytes));
      if (id) found.poms.push(id);
      else walk.report('lang-package-invalid', `${path}!${name}`, 'no artifactId and version');
    }
  } else if (ARCHIVE.test(name)) {
    found.holdsArchives = true;
    found.nested.push(...(await nested(zip, entry, `${path}!${name}`, depth + 1, walk)));
  }
}

/** Why a nested archive is not opened, checked before a byte of it is inflated. */
function nestedRefusal(entry: Entry, depth: number, walk: Walk): string | undefined {
  if (depth > ZIP_LIMITS.maxDepth)
    return `nested ${depth} archives deep, past the ${ZIP_LIMITS.maxDepth} read`;
  if (walk.budget.archives >= ZIP_LIMITS.maxArchives) return `over ${ZIP_LIMITS.maxArchives} nested archives`;
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (ratio > ZIP_LIMITS.maxNestedRatio && entry.uncompressedSize > 1 << 20) {
    return `compressed ${Math.round(ratio)}:1, a zip bomb; not opened`;
  }
  return undefined;
}

async function nested(
  zip: ZipFile,
  entry: Entry,
  path: string,
  depth: number,
  walk: Walk,
): Promise<LangPackage[]> {
  const refused = nestedRefusal(entry, depth, walk);
  if (refused) {
    walk.report('archive-limit', path, refused);
    return [];
  }
  walk.budget.archives++;
  const bytes = await readEntry(zip, entry, ZIP_LIMITS.maxNestedBytes, walk.budget);
  if (typeof bytes === 'string') {
    walk.report('archive-entry-unread', path, bytes);
    return [];
  }
  return readArchive(bytes, path, depth, walk);
}

/** The archive's own identity, from the best evidence it has. */
function identify(found: Found, path: string, walk: Walk): LangPackage[] {
  const name = path.slice(path.lastIndexOf('!') + 1);
  const own = found.poms.length > 0 ? found.poms : [ownIdentity(found, name)];
  const ids = own.filter((id) => id !== undefined);
  if (ids.length === 0 && !found.holdsArchives) {
    walk.problems.add('info', 'package-unidentified', `${path}: no name or version found`);
  }
  return ids.flatMap((id) => {
    const pkg = javaPackage(id, path);
    if (!pkg) walk.report('lang-package-invalid', path, `no package URL for ${id.artifact} ${id.version}`);
    return pkg ? [pkg] : [];
  });
}

function ownIdentity(found: Found, name: string): JavaIdentity | undefined {
  return (found.manifest && manifestIdentity(found.manifest, name)) ?? fileNameIdentity(name);
}
