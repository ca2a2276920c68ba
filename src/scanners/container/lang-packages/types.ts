import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Package } from '../../../core/package.js';

/**
 * What a package's name and version were read from. A jar without Maven metadata is named
 * from its manifest or its file name, which can be wrong: matching and reports say so.
 */
export type Evidence =
  | 'package.json'
  | 'dist-info'
  | 'egg-info'
  | 'pom.properties'
  | 'manifest'
  | 'file-name'
  | 'go-buildinfo'
  | 'cargo-auditable';

export type Confidence = 'high' | 'medium' | 'low';

/**
 * A package installed in an image by a language's package manager, or compiled into a binary.
 * `source.path` is the image file it was read from, relative to the root; inside an archive
 * each nesting level is appended after a `!` (`app/app.jar!BOOT-INF/lib/x.jar`).
 */
export interface LangPackage extends Package {
  evidence: Evidence;
  confidence: Confidence;
  /**
   * The program itself rather than a dependency: a Go binary's main module, a Rust binary's
   * root and workspace crates. Its advisories still apply, but nobody upgrades it as a dependency.
   */
  application?: boolean;
}

/** One file of the image: its path relative to the root (no leading slash) and its bytes. */
export interface LangFile {
  path: string;
  content: Buffer;
}

export interface LangResult {
  packages: LangPackage[];
  diagnostics: Diagnostic[];
}
