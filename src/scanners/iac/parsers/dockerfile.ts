import type { IacDocument } from '../model.js';
import { lexDockerfile } from './dockerfile-lexer.js';
import { StageBuilder } from './dockerfile-stages.js';
import type { IacParser, ParseDiagnostic, ParseResult, SourceFile } from './parser.js';

/** Dockerfiles and Containerfiles: one `dockerfile` resource per build stage. */

/** Real Dockerfiles are a few KiB; past this the file is generated or not a Dockerfile. */
const MAX_CHARS = 2 * 1024 * 1024;

/** `Dockerfile.*` names that are something else: sources, docs, ignore files. */
const NOT_DOCKERFILE =
  /\.(md|markdown|rst|txt|html|json|ya?ml|toml|lock|ts|tsx|js|mjs|cjs|jsx|go|py|rb|rs|java|kt|cs|sh|ps1|dockerignore)$/;

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1).toLowerCase();

/** A name that can only be a Dockerfile (as opposed to `Dockerfile.something`). */
function certain(name: string): boolean {
  return name === 'dockerfile' || name === 'containerfile' || name.endsWith('.dockerfile');
}

export function claimsDockerfile(path: string): boolean {
  const name = basename(path);
  return certain(name) || (name.startsWith('dockerfile.') && !NOT_DOCKERFILE.test(name));
}

/** NUL, or mostly undecodable bytes: not text. */
function binary(text: string): boolean {
  const head = text.slice(0, 8192);
  if (head.includes('\u0000')) return true;
  let bad = 0;
  for (const c of head) if (c === '\uFFFD') bad++;
  return bad > head.length / 100;
}

export function parseDockerfile(file: SourceFile): {
  document?: IacDocument;
  diagnostics: ParseDiagnostic[];
} {
  const fail = (code: string, message: string) => ({
    diagnostics: [{ level: 'error' as const, code, path: file.path, message }],
  });
  if (file.text.length > MAX_CHARS)
    return fail('file-too-large', `${file.text.length} characters: too large for a Dockerfile; skipped`);
  if (binary(file.text)) return fail('binary-file', 'binary content; skipped');
  const lexed = lexDockerfile(file.text.replace(/^\uFEFF/, ''));
  const builder = new StageBuilder(file.path, lexed);
  for (const raw of lexed.instructions) builder.add(raw);
  const resources = builder.resources();
  const diagnostics: ParseDiagnostic[] = [
    ...lexed.problems.map((p) => ({ ...p, path: file.path })),
    ...builder.diagnostics,
  ];
  if (resources.length === 0)
    return {
      diagnostics: [
        ...diagnostics,
        { level: 'error', code: 'dockerfile-no-from', path: file.path, message: 'no FROM instruction' },
      ],
    };
  return { document: { platform: 'dockerfile', path: file.path, resources }, diagnostics };
}

export const dockerfileParser: IacParser = {
  name: 'dockerfile',
  claims: claimsDockerfile,
  // `Dockerfile.*` may be notes or templates: take it when a line starts with an (upper-case) FROM.
  accepts: (text, path) => certain(basename(path)) || /^[ \t]*FROM[ \t]+\S/m.test(text),
  parse(files: readonly SourceFile[]): ParseResult {
    const out: ParseResult = { documents: [], diagnostics: [] };
    for (const f of files) {
      const r = parseDockerfile(f);
      if (r.document) out.documents.push(r.document);
      out.diagnostics.push(...r.diagnostics);
    }
    return out;
  },
};
