import { HEX, type Rng } from './prng.js';
import { camel, pascal, sentence, snake, verbName, word } from './words.js';

/**
 * Source-like text in the languages a monorepo holds. Each generator appends blocks until the
 * target size; blocks mix ordinary code with the lines that mention tokens, passwords and keys
 * without holding one (the lines that make a secrets scanner work).
 */
export type Lang =
  | 'python'
  | 'go'
  | 'java'
  | 'yaml'
  | 'json'
  | 'markdown'
  | 'env'
  | 'dockerfile'
  | 'shell'
  | 'terraform';

export const EXTENSIONS: Record<Lang, string> = {
  python: 'py',
  go: 'go',
  java: 'java',
  yaml: 'yaml',
  json: 'json',
  markdown: 'md',
  env: 'env',
  dockerfile: 'Dockerfile',
  shell: 'sh',
  terraform: 'tf',
};

type Block = (rng: Rng) => string;

function fill(rng: Rng, target: number, head: string, blocks: readonly Block[], tail = ''): string {
  const parts = [head];
  let size = head.length + tail.length;
  while (size < target) {
    const b = rng.pick(blocks)(rng);
    parts.push(b);
    size += b.length;
  }
  parts.push(tail);
  return parts.join('');
}

const SENSITIVE_PY = [
  'token = request.headers.get("Authorization", "").removeprefix("Bearer ")',
  'password_hash = hasher.hash(form.cleaned_data["password"])',
  'api_key = os.environ["PAYMENTS_API_KEY"]',
  'secret = settings.SECRET_KEY',
  'if not secrets.compare_digest(token, expected):',
];

const python: Block[] = [
  (r) => {
    const cls = pascal(r);
    const f1 = verbName(r, 'snake');
    const f2 = verbName(r, 'snake');
    return `\n\nclass ${cls}:\n    """${sentence(r)}"""\n\n    def __init__(self, ${snake(r, 1)}, ${snake(r, 1)}=None):\n        self._${word(r)} = ${word(r)}\n        self._${snake(r, 2)} = {}\n\n    def ${f1}(self, ${word(r)}):\n        # ${sentence(r)}\n        for ${word(r)} in self._${word(r)}s:\n            if ${word(r)}.${word(r)} > ${r.int(1, 500)}:\n                return ${word(r)}\n        return None\n\n    def ${f2}(self, *args, **kwargs):\n        ${r.pick(SENSITIVE_PY)}\n        return self.${f1}(*args)\n`;
  },
  (r) =>
    `\n\ndef ${verbName(r, 'snake')}(${snake(r, 1)}: str, ${snake(r, 1)}: int = ${r.int(0, 100)}) -> dict:\n    """${sentence(r)}"""\n    ${snake(r, 2)} = [${word(r)} for ${word(r)} in range(${r.int(2, 64)})]\n    logger.debug("${word(r)} %s", ${word(r)})\n    return {"${word(r)}": ${word(r)}, "${word(r)}": len(${word(r)})}\n`,
  (r) =>
    `\n${snake(r, 2).toUpperCase()} = ${r.pick([`"${word(r)}-${word(r)}"`, String(r.int(1, 9999)), 'True', 'None'])}\n`,
];

const go: Block[] = [
  (r) => {
    const t = pascal(r);
    return `\n// ${t} ${sentence(r).toLowerCase()}\ntype ${t} struct {\n\t${pascal(r, 1)} string \`json:"${word(r)}"\`\n\t${pascal(r, 1)} int    \`json:"${word(r)}"\`\n\tmu     sync.Mutex\n}\n\nfunc (s *${t}) ${verbName(r, 'pascal')}(ctx context.Context, ${word(r)} string) (string, error) {\n\ts.mu.Lock()\n\tdefer s.mu.Unlock()\n\tif ${word(r)} == "" {\n\t\treturn "", fmt.Errorf("${word(r)}: empty ${word(r)}")\n\t}\n\ttoken := os.Getenv("${snake(r, 2).toUpperCase()}_TOKEN")\n\treturn token + ${word(r)}, nil\n}\n`;
  },
  (r) =>
    `\nfunc ${verbName(r, 'camel')}(${word(r)}s []string) map[string]int {\n\tout := make(map[string]int, len(${word(r)}s))\n\tfor i, v := range ${word(r)}s {\n\t\tout[v] = i * ${r.int(2, 9)}\n\t}\n\treturn out\n}\n`,
];

const java: Block[] = [
  (r) =>
    `\n    /** ${sentence(r)} */\n    public ${pascal(r, 1)} ${verbName(r, 'camel')}(final String ${word(r)}, final int ${word(r)}) {\n        final List<${pascal(r, 1)}> ${word(r)}s = new ArrayList<>();\n        for (int i = 0; i < ${word(r)}; i++) {\n            ${word(r)}s.add(this.${camel(r)}.get(i));\n        }\n        final String password = System.getenv("${snake(r, 1).toUpperCase()}_PASSWORD");\n        return ${word(r)}s.isEmpty() ? null : ${word(r)}s.get(0);\n    }\n`,
  (r) => `\n    private final Map<String, ${pascal(r, 1)}> ${camel(r)} = new ConcurrentHashMap<>();\n`,
];

const yaml: Block[] = [
  (r) =>
    `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${word(r)}-${word(r)}\n  labels:\n    app: ${word(r)}\nspec:\n  replicas: ${r.int(1, 6)}\n  template:\n    spec:\n      containers:\n        - name: ${word(r)}\n          image: registry.internal/${word(r)}:${r.int(1, 9)}.${r.int(0, 30)}.${r.int(0, 9)}\n          env:\n            - name: ${snake(r, 2).toUpperCase()}_SECRET\n              valueFrom:\n                secretKeyRef:\n                  name: ${word(r)}-credentials\n                  key: ${word(r)}\n          resources:\n            limits: { cpu: "${r.int(1, 4)}", memory: ${r.int(1, 8) * 256}Mi }\n`,
  (r) =>
    `\n${snake(r, 1)}:\n  ${snake(r, 1)}: ${r.int(0, 1000)}\n  ${snake(r, 2)}: "${word(r)}"\n  ${snake(r, 1)}_enabled: ${r.chance(0.5)}\n`,
];

const terraform: Block[] = [
  (r) =>
    `\nresource "aws_s3_bucket" "${snake(r, 2)}" {\n  bucket = "${word(r)}-${word(r)}-${r.int(100, 999)}"\n  tags = {\n    team = "${word(r)}"\n  }\n}\n`,
  (r) => `\nvariable "${snake(r, 2)}_password" {\n  type      = string\n  sensitive = true\n}\n`,
];

const shell: Block[] = [
  (r) =>
    `\n${verbName(r, 'snake')}() {\n  local ${word(r)}="$1"\n  if [ -z "\${${word(r)}}" ]; then\n    echo "usage: ${word(r)} <${word(r)}>" >&2\n    return 1\n  fi\n  curl -fsS -H "Authorization: Bearer \${API_TOKEN}" "https://api.internal/${word(r)}/\${${word(r)}}"\n}\n`,
];

const markdown: Block[] = [
  (r) =>
    `\n## ${pascal(r, 2)}\n\n${sentence(r)} ${sentence(r)}\n\n\`\`\`sh\nexport ${snake(r, 2).toUpperCase()}_TOKEN=<your token>\nmake ${word(r)}\n\`\`\`\n`,
  (r) => `\n- **${word(r)}**: ${sentence(r)}\n- **${word(r)}**: ${sentence(r)}\n`,
];

const envPlain: Block = (r) =>
  `${snake(r, 2).toUpperCase()}=${r.pick([word(r), String(r.int(1, 65535)), 'true', `https://${word(r)}.internal`])}\n`;
const env: Block[] = [
  envPlain,
  envPlain,
  envPlain,
  envPlain,
  envPlain,
  (r) => `${snake(r, 1).toUpperCase()}_PASSWORD=\${${snake(r, 1).toUpperCase()}_PASSWORD}\n`,
];

const dockerfile: Block[] = [
  (r) =>
    `RUN apt-get update && apt-get install -y --no-install-recommends ${word(r)}-tools && rm -rf /var/lib/apt/lists/*\n`,
  (r) => `COPY ${word(r)}/ /app/${word(r)}/\nENV ${snake(r, 2).toUpperCase()}=${word(r)}\n`,
];

function jsonDoc(rng: Rng, target: number): string {
  const items: string[] = [];
  let size = 0;
  while (size < target) {
    const s = `    {"id": "${rng.chars(HEX, 24)}", "${word(rng)}": "${word(rng)} ${word(rng)}", "${camel(rng)}": ${rng.int(0, 1e6)}, "${word(rng)}": ${rng.chance(0.5)}, "tags": ["${word(rng)}", "${word(rng)}"]}`;
    items.push(s);
    size += s.length + 2;
  }
  return `{\n  "version": ${rng.int(1, 9)},\n  "${word(rng)}s": [\n${items.join(',\n')}\n  ]\n}\n`;
}

export function generate(lang: Lang, rng: Rng, target: number): string {
  switch (lang) {
    case 'python':
      return fill(
        rng,
        target,
        `import logging\nimport os\nimport secrets\n\nlogger = logging.getLogger(__name__)\n`,
        python,
      );
    case 'go':
      return fill(
        rng,
        target,
        `package ${word(rng)}\n\nimport (\n\t"context"\n\t"fmt"\n\t"os"\n\t"sync"\n)\n`,
        go,
      );
    case 'java':
      return fill(
        rng,
        target,
        `package com.acme.${word(rng)};\n\nimport java.util.*;\nimport java.util.concurrent.ConcurrentHashMap;\n\npublic class ${pascal(rng)} {\n`,
        java,
        '}\n',
      );
    case 'yaml':
      return fill(rng, target, `# ${sentence(rng)}\n`, yaml);
    case 'json':
      return jsonDoc(rng, target);
    case 'markdown':
      return fill(rng, target, `# ${pascal(rng, 2)}\n\n${sentence(rng)}\n`, markdown);
    case 'env':
      return fill(rng, Math.min(target, 4096), `# ${sentence(rng)}\n`, env);
    case 'dockerfile':
      return fill(
        rng,
        Math.min(target, 4096),
        `FROM node:20-bookworm-slim\nWORKDIR /app\n`,
        dockerfile,
        'CMD ["node", "dist/main.js"]\n',
      );
    case 'shell':
      return fill(rng, target, '#!/usr/bin/env bash\nset -euo pipefail\n', shell);
    case 'terraform':
      return fill(rng, target, `terraform {\n  required_version = ">= 1.5"\n}\n`, terraform);
  }
}
