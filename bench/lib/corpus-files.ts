import { readFileSync } from 'node:fs';
import type { DecoyKind } from './corpus-decoys.js';
import type { CorpusLang } from './corpus-render.js';
import { ALNUM, B64, HEX, type Rng } from './prng.js';
import { camel, pascal, word } from './words.js';

/** Where a file of each format lives in a repository, under neutral (not test-like) folders. */
export function pathFor(lang: CorpusLang, rng: Rng): string {
  const svc = `${word(rng)}-${rng.pick(['api', 'svc', 'worker', 'gateway'])}`;
  const name = camel(rng, 2);
  switch (lang) {
    case 'python':
      return `services/${svc}/app/${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}.py`;
    case 'js':
      return `app/web/src/${name}.js`;
    case 'ts':
      return `services/${svc}/src/${name}.ts`;
    case 'go':
      return `services/${svc}/internal/${word(rng)}/${name.toLowerCase()}.go`;
    case 'java':
      return `services/${svc}/src/main/java/com/acme/${pascal(rng, 2)}.java`;
    case 'yaml':
      return rng.chance(0.5) ? `config/${name}.yaml` : `k8s/${word(rng)}/${name}.yaml`;
    case 'workflow':
      return `.github/workflows/${word(rng)}-${word(rng)}.yml`;
    case 'compose':
      return `deploy/${svc}/docker-compose.yml`;
    case 'json':
      return `config/${name}.json`;
    case 'env':
      return `services/${svc}/${rng.pick(['.env', '.env.production', '.env.staging', '.env.local'])}`;
    case 'dockerfile':
      return `services/${svc}/Dockerfile`;
    case 'shell':
      return `scripts/${word(rng)}-${word(rng)}.sh`;
    case 'terraform':
      return `infra/${word(rng)}/${word(rng)}.tf`;
    case 'properties':
      return `services/${svc}/src/main/resources/application.properties`;
    case 'toml':
      return `config/${name}.toml`;
    case 'xml':
      return `services/${svc}/Web.config`;
    case 'php':
      return `app/php/${pascal(rng, 2)}.php`;
    case 'ruby':
      return `app/ruby/${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}.rb`;
    case 'csharp':
      return `services/${svc}/${pascal(rng, 2)}.cs`;
    case 'ini':
      return `config/${name}.ini`;
    case 'markdown':
      return `docs/${name}.md`;
  }
}

export interface SpecialFile {
  path: string;
  lines: string[];
  /** 1-based lines that hold decoys, with their kind. */
  decoys: { line: number; kind: DecoyKind }[];
}

const integrity = (r: Rng) => `sha512-${r.chars(B64, 86)}==`;

/** Lockfiles, certificates, HTML and CSS: whole files whose every notable line is a decoy. */
export function specialFiles(rng: Rng): SpecialFile[] {
  const pkgs = Array.from({ length: 8 }, () => `${word(rng)}-${word(rng)}`);
  const lock: string[] = ['{', '  "name": "web",', '  "lockfileVersion": 3,', '  "packages": {'];
  const lockDecoys: SpecialFile['decoys'] = [];
  for (const p of pkgs) {
    lock.push(
      `    "node_modules/${p}": {`,
      `      "version": "${rng.int(1, 9)}.${rng.int(0, 20)}.${rng.int(0, 9)}",`,
      `      "resolved": "https://registry.npmjs.org/${p}/-/${p}-1.0.0.tgz",`,
    );
    lockDecoys.push({ line: lock.length + 1, kind: 'lockfile' });
    lock.push(`      "integrity": "${integrity(rng)}",`, '      "license": "MIT"', '    },');
  }
  lock.push('  }', '}');
  const yarn: string[] = ['# yarn lockfile v1', ''];
  const yarnDecoys: SpecialFile['decoys'] = [];
  for (const p of pkgs.slice(0, 5)) {
    yarn.push(
      `${p}@^1.0.0:`,
      '  version "1.0.0"',
      `  resolved "https://registry.yarnpkg.com/${p}/-/${p}-1.0.0.tgz#${rng.chars(HEX, 40)}"`,
    );
    yarnDecoys.push({ line: yarn.length, kind: 'lockfile' }, { line: yarn.length + 1, kind: 'lockfile' });
    yarn.push(`  integrity ${integrity(rng)}`, '');
  }
  const gosum = pkgs
    .slice(0, 6)
    .flatMap((p) => [
      `github.com/acme/${p} v1.${rng.int(0, 9)}.0 h1:${rng.chars(B64, 43)}=`,
      `github.com/acme/${p} v1.0.0/go.mod h1:${rng.chars(B64, 43)}=`,
    ]);
  const reqs = pkgs.slice(0, 5).map((p) => `${p}==2.${rng.int(0, 9)}.0 --hash=sha256:${rng.chars(HEX, 64)}`);
  const cargo = pkgs
    .slice(0, 4)
    .flatMap((p) => [
      '[[package]]',
      `name = "${p}"`,
      'version = "0.3.1"',
      'source = "registry+https://github.com/rust-lang/crates.io-index"',
      `checksum = "${rng.chars(HEX, 64)}"`,
      '',
    ]);
  const cert = readFileSync('/etc/ssl/certs/ISRG_Root_X1.pem', 'utf8').trimEnd().split('\n');
  const html = [
    '<!doctype html>',
    '<html>',
    '<head>',
    `  <script src="https://cdn.jsdelivr.net/npm/chart.js@4.4.0/dist/chart.umd.min.js" integrity="sha384-${rng.chars(B64, 64)}" crossorigin="anonymous"></script>`,
    `  <link rel="icon" href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAA${rng.chars(B64, 300)}=">`,
    '</head>',
    `<body><img alt="logo" src="data:image/webp;base64,UklGRlYAAABXRUJQVlA4IEoAAADQAQCdASoQABAAAUAmJaQAA3AA${rng.chars(B64, 200)}"></body>`,
    '</html>',
  ];
  const css = [
    '@font-face {',
    "  font-family: 'Inter';",
    `  src: url(data:font/woff2;base64,d09GMgABAAAAA${rng.chars(B64, 400)}) format('woff2');`,
    '}',
    `.btn_${rng.chars(ALNUM, 5)} { color: #${rng.chars(HEX, 6)}; }`,
  ];
  const kubeconfig = [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: prod',
    '    cluster:',
    '      server: https://k8s.acme-corp.internal:6443',
    `      certificate-authority-data: ${Buffer.from(cert.join('\n')).toString('base64')}`,
    'users:',
    '  - name: ci',
    '    user:',
    '      exec:',
    '        apiVersion: client.authentication.k8s.io/v1beta1',
    '        command: aws',
    '        args: ["eks", "get-token", "--cluster-name", "prod"]',
  ];
  const every = (lines: string[], kind: DecoyKind, pred: (l: string) => boolean) =>
    lines.flatMap((l, i) => (pred(l) ? [{ line: i + 1, kind }] : []));
  return [
    { path: 'app/web/package-lock.json', lines: lock, decoys: lockDecoys },
    { path: 'app/web/yarn.lock', lines: yarn, decoys: yarnDecoys },
    { path: 'services/ledger-svc/go.sum', lines: gosum, decoys: every(gosum, 'lockfile', () => true) },
    { path: 'services/ml-worker/requirements.txt', lines: reqs, decoys: every(reqs, 'lockfile', () => true) },
    {
      path: 'tools/cli/Cargo.lock',
      lines: cargo,
      decoys: every(cargo, 'lockfile', (l) => l.startsWith('checksum')),
    },
    { path: 'deploy/tls/ca-bundle.pem', lines: cert, decoys: [{ line: 1, kind: 'public-key' }] },
    {
      path: 'app/web/public/index.html',
      lines: html,
      decoys: [4, 5, 7].map((line) => ({ line, kind: line === 4 ? 'hash' : 'data-uri' })),
    },
    { path: 'app/web/src/fonts.css', lines: css, decoys: [{ line: 3, kind: 'data-uri' }] },
    { path: 'deploy/kubeconfig.yaml', lines: kubeconfig, decoys: [{ line: 7, kind: 'public-key' }] },
  ];
}
