// Copies the YAML files under src/ (the SAST rules) to the same place under dist/: tsc only
// emits JavaScript, and the rules are read from beside the compiled code at run time. The
// annotated test files next to them are not copied: they are not part of the package.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

function* yamlFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* yamlFiles(path);
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) yield path;
  }
}

// A renamed or deleted rule must not live on in dist/ from an earlier build.
if (existsSync(dist)) for (const stale of yamlFiles(dist)) rmSync(stale);

let copied = 0;
for (const from of yamlFiles(src)) {
  const to = join(dist, relative(src, from));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  copied++;
}
console.log(`copy-assets: ${copied} YAML files copied to dist/`);
