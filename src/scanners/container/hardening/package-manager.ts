import { CIS_DOCKER } from '../../iac/rules/dockerfile/refs.js';
import type { FsEntry, LayeredFs } from '../image/index.js';
import { describeOrigin, layerOrigin } from './origin.js';
import { baseName, leadsToFile, programsOnPath } from './programs.js';
import { hardeningRule } from './rule.js';
import type { HardeningCheck, HardeningInput, HardeningResult } from './types.js';

const rule = hardeningRule({
  id: 'container/package-manager',
  title: 'Package manager left in the image',
  description:
    'A package manager (apt/dpkg, apk, dnf/yum/rpm, pip, npm/yarn/pnpm) is on the PATH of the image. A ' +
    'running service never needs one; whoever gets code execution in the container does: it installs their ' +
    'tools in one command, and it is more software to patch. Distroless, Chainguard or `scratch` runtime ' +
    'images, fed by a multi-stage build, ship only the application and its libraries. Build and CI images are ' +
    'expected to carry package managers, so an image with a compiler or build tool on a `bin` directory (gcc, ' +
    'cc, clang, go, rustc, cargo, javac, mvn, gradle) is taken for one and not reported.',
  severity: 'low',
  confidence: 'medium',
  cis: ['cis-docker:4.3'],
  nist: ['CM-7', 'CM-11'],
  remediation:
    'Build in one stage, ship from a runtime image without a package manager:\n\n```dockerfile\n' +
    'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app ./cmd/app\n\n' +
    'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n```',
  references: [
    'https://github.com/GoogleContainerTools/distroless',
    'https://docs.docker.com/build/building/multi-stage/',
    CIS_DOCKER,
  ],
});

/** Each family once, named by the program people type; the others of the family are mentioned. */
const MANAGERS: { family: string; programs: readonly string[] }[] = [
  { family: 'apt', programs: ['apt-get', 'apt', 'dpkg'] },
  { family: 'apk', programs: ['apk'] },
  { family: 'rpm', programs: ['dnf', 'microdnf', 'tdnf', 'yum', 'zypper', 'rpm'] },
  { family: 'pip', programs: ['pip', 'pip3'] },
  { family: 'npm', programs: ['npm', 'yarn', 'pnpm'] },
];

const BUILD_TOOLS = new Set(['gcc', 'cc', 'clang', 'go', 'rustc', 'cargo', 'javac', 'mvn', 'gradle']);

/** Anywhere in the image, not only on the PATH: toolchains live in `usr/local/go/bin` or `usr/lib/jvm/<jdk>/bin`. */
function isBuildImage(fs: LayeredFs): boolean {
  for (const e of fs.entries()) {
    if (BUILD_TOOLS.has(baseName(e.path)) && /(^|\/)bin\/[^/]+$/.test(e.path) && leadsToFile(fs, e))
      return true;
  }
  return false;
}

function result(input: HardeningInput, family: string, found: FsEntry[]): HardeningResult {
  const [main, ...others] = found;
  const origin = layerOrigin(input, main!.layer);
  const also = others.length === 0 ? '' : `, with ${others.map((e) => e.path).join(', ')}`;
  return {
    ruleId: rule.id,
    message: `${main!.path} is in the image${also} (added by ${describeOrigin(origin)}): a runtime image needs no package manager`,
    location: main!.path,
    key: `package-manager:${family}`,
    ...origin,
  };
}

export const packageManager: HardeningCheck = {
  rule,
  check(input) {
    const found = MANAGERS.map(({ family, programs }) => {
      const entries = programsOnPath(input.fs, (name) => programs.includes(name));
      entries.sort((a, b) => programs.indexOf(baseName(a.path)) - programs.indexOf(baseName(b.path)));
      return { family, entries };
    }).filter((m) => m.entries.length > 0);
    if (found.length === 0 || isBuildImage(input.fs)) return [];
    return found.map((m) => result(input, m.family, m.entries));
  },
};
