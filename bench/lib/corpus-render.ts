import { generate, type Lang } from './code-gen.js';
import type { Rng } from './prng.js';
import { camel, pascal, sentence, snake, verbName, word } from './words.js';

/** The file formats of the accuracy corpus, how a value is written in each, and ordinary filler. */
export type CorpusLang =
  | Lang
  | 'js'
  | 'ts'
  | 'properties'
  | 'toml'
  | 'xml'
  | 'php'
  | 'ruby'
  | 'csharp'
  | 'ini'
  | 'compose'
  | 'workflow';

export type Style = 'named' | 'plain' | 'call';

const q = (v: string) => JSON.stringify(v).slice(1, -1);

/** One line holding `value` under `name` (style `named`/`plain`) or passed to a call (`call`). */
export function place(lang: CorpusLang, style: Style, name: string, value: string): string {
  const lower = name.toLowerCase();
  const cam = camel1(lower);
  if (style === 'call') {
    switch (lang) {
      case 'python':
        return `client = ${pascal1(lower)}Client("${value}", timeout=30)`;
      case 'js':
      case 'ts':
        return `const client = new ${pascal1(lower)}Client({ auth: '${value}', retries: 3 });`;
      case 'go':
        return `\tclient := ${lower.split('_')[0]}.NewClient("${value}")`;
      case 'java':
        return `        final var client = new ${pascal1(lower)}Client("${value}");`;
      case 'shell':
        return `curl -fsS -H "Authorization: Bearer ${value}" https://api.internal.acme-corp.io/v1/sync`;
      case 'php':
        return `$client = new ${pascal1(lower)}Client('${value}');`;
      case 'ruby':
        return `client = ${pascal1(lower)}::Client.new(auth: '${value}')`;
      case 'csharp':
        return `        var client = new ${pascal1(lower)}Client("${value}");`;
      default:
        return place(lang, 'plain', name, value);
    }
  }
  switch (lang) {
    case 'python':
      return `${name} = "${value}"`;
    case 'js':
      return `const ${cam} = '${value}';`;
    case 'ts':
      return `export const ${cam}: string = '${value}';`;
    case 'go':
      return `const ${cam} = "${value}"`;
    case 'java':
      return `    private static final String ${name.toUpperCase()} = "${value}";`;
    case 'yaml':
    case 'workflow': {
      const v = value === '' || /[:#{}[\]&*!|>'"%@`]/.test(value) ? JSON.stringify(value) : value;
      return lang === 'workflow' ? `      ${name.toUpperCase()}: ${v}` : `${lower}: ${v}`;
    }
    case 'compose':
      return `      - ${name.toUpperCase()}=${value}`;
    case 'json':
      return `  "${cam}": "${q(value)}",`;
    case 'env':
      return `${name.toUpperCase()}=${value}`;
    case 'dockerfile':
      return `ENV ${name.toUpperCase()}=${value}`;
    case 'shell':
      return `export ${name.toUpperCase()}="${value}"`;
    case 'terraform':
    case 'toml':
      return `${lower} = "${value}"`;
    case 'properties':
      return `app.${lower.replace(/_/g, '.')}=${value}`;
    case 'ini':
      return `${lower} = ${value}`;
    case 'xml':
      return `    <add key="${pascalAll(lower)}" value="${value.replace(/&/g, '&amp;')}" />`;
    case 'php':
      return `define('${name.toUpperCase()}', '${value}');`;
    case 'ruby':
      return `${name.toUpperCase()} = '${value}'`;
    case 'csharp':
      return `        private const string ${pascalAll(lower)} = "${value}";`;
    case 'markdown':
      return `    ${name.toUpperCase()}=${value}`;
  }
}

function camel1(snakeName: string): string {
  return snakeName.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function pascalAll(snakeName: string): string {
  const c = camel1(snakeName);
  return c[0]!.toUpperCase() + c.slice(1);
}

function pascal1(snakeName: string): string {
  const c = camel1(snakeName.split('_').slice(0, 2).join('_'));
  return c[0]!.toUpperCase() + c.slice(1);
}

/** Lines that make up an ordinary file of the format: the text around planted values. */
export function filler(lang: CorpusLang, rng: Rng, bytes: number): string[] {
  const code = (l: Lang) => generate(l, rng, bytes).split('\n');
  switch (lang) {
    case 'js':
    case 'ts':
      return jsLines(rng, bytes, lang === 'ts');
    case 'properties':
    case 'ini':
    case 'toml':
      return kvLines(rng, bytes, lang);
    case 'xml':
      return [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<configuration>',
        '  <appSettings>',
        `    <add key="${pascal(rng)}" value="${word(rng)}" />`,
        '  </appSettings>',
        '</configuration>',
      ];
    case 'php':
      return [
        '<?php',
        '',
        `namespace App\\${pascal(rng, 1)};`,
        '',
        `function ${verbName(rng, 'camel')}($${word(rng)}) {`,
        `    return array_map('trim', $${word(rng)});`,
        '}',
      ];
    case 'ruby':
      return [
        `module ${pascal(rng, 1)}`,
        `  class ${pascal(rng)}`,
        `    def ${verbName(rng, 'snake')}(${word(rng)})`,
        `      ${word(rng)}.map(&:to_s)`,
        '    end',
        '  end',
        'end',
      ];
    case 'csharp':
      return [
        'using System;',
        '',
        `namespace Acme.${pascal(rng, 1)}`,
        '{',
        `    public class ${pascal(rng)}`,
        '    {',
        `        public string ${pascal(rng, 1)} { get; set; }`,
        '    }',
        '}',
      ];
    case 'compose':
      return [
        'services:',
        `  ${word(rng)}:`,
        `    image: registry.internal/${word(rng)}:${rng.int(1, 9)}.${rng.int(0, 20)}`,
        '    environment:',
        `      - LOG_LEVEL=info`,
        `      - ${snake(rng, 2).toUpperCase()}=${word(rng)}`,
      ];
    case 'workflow':
      return [
        'name: ci',
        'on: [push, pull_request]',
        'jobs:',
        '  build:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - run: npm ci && npm test',
        '    env:',
      ];
    default:
      return code(lang);
  }
}

function jsLines(rng: Rng, bytes: number, ts: boolean): string[] {
  const out = [`import { ${camel(rng)} } from './${word(rng)}.js';`, ''];
  let size = 0;
  while (size < bytes) {
    const f = verbName(rng, 'camel');
    const arg = word(rng);
    const block = [
      `/** ${sentence(rng)} */`,
      `export async function ${f}(${arg}${ts ? ': string' : ''}, options = {}) {`,
      `  const ${camel(rng)} = await fetch(\`/api/${word(rng)}/\${${arg}}\`, { method: 'GET' });`,
      `  if (!${arg}) throw new Error('${word(rng)} is required');`,
      `  return { ...options, ${word(rng)}: ${rng.int(1, 500)} };`,
      '}',
      '',
    ];
    out.push(...block);
    size += block.join('\n').length;
  }
  return out;
}

function kvLines(rng: Rng, bytes: number, lang: 'properties' | 'ini' | 'toml'): string[] {
  const out = lang === 'properties' ? [`# ${sentence(rng)}`] : [`[${word(rng)}]`];
  let size = 0;
  while (size < bytes) {
    const k = lang === 'properties' ? `${word(rng)}.${word(rng)}.${word(rng)}` : snake(rng, 2);
    const v = rng.pick([word(rng), String(rng.int(1, 9999)), 'true', `${word(rng)}-${word(rng)}`]);
    const line = lang === 'toml' ? `${k} = "${v}"` : lang === 'ini' ? `${k} = ${v}` : `${k}=${v}`;
    out.push(line);
    size += line.length;
    if (lang !== 'properties' && rng.chance(0.1)) out.push('', `[${word(rng)}]`);
  }
  return out;
}
