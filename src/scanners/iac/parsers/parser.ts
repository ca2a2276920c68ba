import type { DiagnosticLevel } from '../../../core/diagnostic.js';
import type { IacDocument } from '../model.js';

/** A file handed to a parser: path relative to the scan root, content decoded as UTF-8. */
export interface SourceFile {
  path: string;
  text: string;
}

/** A problem with one input file: a syntax error, an alias bomb, an unknown resource type. */
export interface ParseDiagnostic {
  level: DiagnosticLevel;
  /** `syntax-error`, `yaml-alias-limit`, `unknown-resource-type`, ... */
  code: string;
  path: string;
  line?: number;
  message: string;
}

export interface ParseResult {
  documents: IacDocument[];
  diagnostics: ParseDiagnostic[];
}

/**
 * One format family. A parser that fails on one file reports a diagnostic for it and still
 * returns the documents of every other file.
 */
export interface IacParser {
  name: string;
  /** Cheap predicate on the path alone, used by the discovery walk. */
  claims(path: string): boolean;
  /**
   * For names several formats share (`.yaml`, `.json`): does the content look like this format?
   * Must be cheap (a regex over the text, no full parse). Absent: every claimed file is accepted.
   */
  accepts?(text: string, path: string): boolean;
  /** Parses every file this parser claimed and accepted; grouping (a module directory) is its business. */
  parse(files: readonly SourceFile[]): ParseResult | Promise<ParseResult>;
}
