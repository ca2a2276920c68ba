import go from '@ast-grep/lang-go';
import java from '@ast-grep/lang-java';
import python from '@ast-grep/lang-python';
import { parse, registerDynamicLanguage, type SgRoot } from '@ast-grep/napi';

/** The languages a SAST rule can name in `languages:`. */
export const LANGUAGES = ['javascript', 'typescript', 'python', 'go', 'java'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The grammar ast-grep parses a file with. TypeScript needs two: `.tsx` is its own grammar,
 * and a pattern compiled for one does not match trees of the other.
 */
export type Parser = 'JavaScript' | 'TypeScript' | 'Tsx' | 'python' | 'go' | 'java';

export const PARSERS_OF: Readonly<Record<Language, readonly Parser[]>> = {
  javascript: ['JavaScript'],
  typescript: ['TypeScript', 'Tsx'],
  python: ['python'],
  go: ['go'],
  java: ['java'],
};

export interface SourceKind {
  language: Language;
  parser: Parser;
}

const BY_EXTENSION: Readonly<Record<string, SourceKind>> = {
  js: { language: 'javascript', parser: 'JavaScript' },
  mjs: { language: 'javascript', parser: 'JavaScript' },
  cjs: { language: 'javascript', parser: 'JavaScript' },
  jsx: { language: 'javascript', parser: 'JavaScript' },
  ts: { language: 'typescript', parser: 'TypeScript' },
  mts: { language: 'typescript', parser: 'TypeScript' },
  cts: { language: 'typescript', parser: 'TypeScript' },
  tsx: { language: 'typescript', parser: 'Tsx' },
  py: { language: 'python', parser: 'python' },
  go: { language: 'go', parser: 'go' },
  java: { language: 'java', parser: 'java' },
};

export const SOURCE_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

/** The language of a file by its extension; declaration files (`.d.ts`) hold no code to analyse. */
export function sourceKindOf(path: string): SourceKind | undefined {
  if (/\.d\.[cm]?ts$/.test(path)) return undefined;
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION[path.slice(dot + 1).toLowerCase()];
}

/** How a line comment starts, for annotated rule tests. */
export const LINE_COMMENT: Readonly<Record<Language, string>> = {
  javascript: '//',
  typescript: '//',
  python: '#',
  go: '//',
  java: '//',
};

/**
 * The character ast-grep substitutes for `$` before parsing a pattern, in grammars where `$`
 * cannot start an identifier (it comes from each language package's registration).
 */
export const EXPANDO: Readonly<Record<Parser, string>> = {
  JavaScript: '$',
  TypeScript: '$',
  Tsx: '$',
  python: python.expandoChar ?? '$',
  go: go.expandoChar ?? '$',
  java: java.expandoChar ?? '$',
};

let registered = false;

/**
 * Python, Go and Java grammars are shared libraries loaded at run time. ast-grep keeps them in
 * per-thread state, so each thread (main and every worker) registers them once before parsing.
 */
function registerParsers(): void {
  if (registered) return;
  registerDynamicLanguage({ python, go, java });
  registered = true;
}

/** Parses source text into a tree; tree-sitter never throws on bad syntax, it makes ERROR nodes. */
export function parseSource(parser: Parser, text: string): SgRoot {
  registerParsers();
  return parse(parser, text);
}
