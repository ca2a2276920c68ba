import { asRecord, asString, isRecord, parseTomlDocument } from './lockfile-text.js';
import { LockfileError, type LockfileWarning } from './parser.js';

/** What a `Cargo.toml` declares, by the crate names the lockfile uses (renames undone). */
export interface CargoManifest {
  /** `[package] name`: absent for a virtual workspace manifest. */
  packageName?: string;
  /** `[dependencies]` and `[build-dependencies]`, including `[target.'cfg'.*]` ones. */
  normal: Set<string>;
  dev: Set<string>;
}

const NORMAL_TABLES = ['dependencies', 'build-dependencies', 'build_dependencies'];
const DEV_TABLES = ['dev-dependencies', 'dev_dependencies'];

/** Reads the sibling manifest; a broken one only costs the direct/dev marks, so it is a warning. */
export function readCargoManifest(
  text: string,
  path: string,
  warnings: LockfileWarning[],
): CargoManifest | undefined {
  try {
    return manifestOf(parseTomlDocument(text));
  } catch (e) {
    if (!(e instanceof LockfileError)) throw e;
    warnings.push({
      message: `${path} cannot be read (${e.message}); direct and dev dependencies are not marked`,
      path,
    });
    return undefined;
  }
}

function manifestOf(doc: Record<string, unknown>): CargoManifest {
  const scopes = [doc, ...Object.values(asRecord(doc.target)).filter(isRecord)];
  const names = (tables: string[]) => new Set(scopes.flatMap((s) => tables.flatMap((t) => crateNames(s[t]))));
  const manifest: CargoManifest = { normal: names(NORMAL_TABLES), dev: names(DEV_TABLES) };
  const packageName = asString(asRecord(doc.package).name);
  if (packageName) manifest.packageName = packageName;
  return manifest;
}

/** `foo = "1"` or `bar = { package = "real-name", ... }`: the lockfile knows the real name. */
function crateNames(table: unknown): string[] {
  return Object.entries(asRecord(table)).map(([key, spec]) => asString(asRecord(spec).package) ?? key);
}
