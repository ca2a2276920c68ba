/**
 * Code that is not the project's own: dependencies copied into the tree, build output,
 * generated and minified files. Analysing it costs time and reports what nobody here can fix.
 */

const VENDORED_DIRS = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'third_party',
  'third-party',
  'dist',
  'site-packages',
  '.venv',
  'venv',
  '.tox',
  '__pycache__',
  '.git',
  // rule tests: code written to be vulnerable, next to the repository's own rules
  '.gatehouse',
]);

const GENERATED_NAMES = [
  /\.min\.[cm]?js$/,
  /[.-]bundle\.[cm]?js$/,
  /\.pb\.go$/,
  /_pb2(_grpc)?\.py$/,
  /(^|\/)zz_generated[^/]*\.go$/,
  /[._]generated\.\w+$/,
];

/** Marker comments generators put in a file's first lines (Go's convention is the most common). */
const GENERATED_HEADER =
  /code generated .{0,80}do not edit|@generated|auto-?generated|this file (is|was|has been) (automatically |auto-)?generated/i;

/** The vendored or build folder a path is in, or undefined. */
export function vendoredFolder(path: string): string | undefined {
  const parts = path.split('/');
  return parts.slice(0, -1).find((p) => VENDORED_DIRS.has(p));
}

export function generatedByName(path: string): boolean {
  return GENERATED_NAMES.some((re) => re.test(path));
}

export function generatedByHeader(text: string): boolean {
  return GENERATED_HEADER.test(text.slice(0, 1500));
}

/** One line this long is a bundle or embedded data, not code a person wrote. */
const MAX_LINE = 3000;
/** Long average lines over a real amount of text: minified code. */
const MAX_AVERAGE_LINE = 250;

export function minified(text: string): boolean {
  let lines = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i - start > MAX_LINE) return true;
    start = i + 1;
    lines++;
  }
  if (text.length - start > MAX_LINE) return true;
  return text.length > 4096 && text.length / lines > MAX_AVERAGE_LINE;
}
