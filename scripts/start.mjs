// `npm start`: builds when dist/ is missing or older than the sources, then runs `gatehouse demo`
// in this process (so Ctrl-C reaches it directly). Arguments after `npm start --` are passed on:
// `npm start -- --port 9090 --home ./demo-home`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** What `npm run build` writes last for the CLI and for the dashboard. */
const OUTPUTS = ['dist/cli/main.js', 'dist/web/index.html'];
/** What the build reads; tests are not part of the package. */
const INPUTS = [
  'src',
  'web',
  'scripts/bundle.mjs',
  'scripts/copy-assets.mjs',
  'package.json',
  'tsconfig.build.json',
];
const TEST_FILE = /\.test\.tsx?$/;

function newestModification(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return TEST_FILE.test(path) ? 0 : st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestModification(join(path, entry)));
  }
  return newest;
}

function builtAt() {
  return Math.min(...OUTPUTS.map((p) => statSync(join(root, p), { throwIfNoEntry: false })?.mtimeMs ?? 0));
}

const sources = Math.max(...INPUTS.map((p) => newestModification(join(root, p))));
if (builtAt() < sources) {
  process.stderr.write('gatehouse: dist/ is missing or older than the sources; running `npm run build`\n');
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    // Build chatter on standard error: standard output is the demo's.
    stdio: ['inherit', 2, 2],
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const main = join(root, 'dist', 'cli', 'main.js');
process.argv = [process.argv[0], main, 'demo', ...process.argv.slice(2)];
await import(pathToFileURL(main).href);
