import type { Lang } from './code-gen.js';

/** The line a developer writes to hard-code `value` under `name`, in the file's language. */
export function assignment(lang: Lang | 'js' | 'ts', name: string, value: string): string {
  switch (lang) {
    case 'python':
      return `${name} = "${value}"`;
    case 'go':
      return `var ${name} = "${value}"`;
    case 'java':
      return `    private static final String ${name} = "${value}";`;
    case 'yaml':
      return `${name.toLowerCase()}: "${value}"`;
    case 'env':
      return `${name}=${value}`;
    case 'dockerfile':
      return `ENV ${name}=${value}`;
    case 'shell':
      return `export ${name}="${value}"`;
    case 'terraform':
      return `  ${name.toLowerCase()} = "${value}"`;
    case 'js':
    case 'ts':
      return `const ${name} = '${value}';`;
    case 'json':
      return `  "${name}": "${value}",`;
    case 'markdown':
      return `    ${name}=${value}`;
  }
}

/** Inserts `line` after line `after` (0 = at the top); returns the text and the 1-based line it landed on. */
export function insertLine(text: string, after: number, line: string): { text: string; line: number } {
  const lines = text.split('\n');
  const at = Math.max(0, Math.min(after, lines.length - 1));
  lines.splice(at, 0, line);
  return { text: lines.join('\n'), line: at + 1 };
}
