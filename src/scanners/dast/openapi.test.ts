import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OPENAPI } from '../../../test/fixtures/dast/app/openapi.js';
import { apiRequests, readSpec } from './openapi.js';

const dir = mkdtempSync(join(tmpdir(), 'gh-openapi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const noFetch = async () => {
  throw new Error('no network here');
};
const target = new URL('http://127.0.0.1:8080/');

describe('apiRequests', () => {
  it('makes one schema-valid request per operation of a real document', () => {
    const { requests, problems } = apiRequests(OPENAPI as never, target);
    expect(problems).toEqual([]);
    const byOp = new Map(requests.map((r) => [r.operation, r]));
    expect(byOp.get('listItems')).toMatchObject({
      method: 'GET',
      url: 'http://127.0.0.1:8080/api/items?category=Gifts&limit=10',
    });
    expect(byOp.get('getItem')?.url).toBe('http://127.0.0.1:8080/api/items/1');
    const post = requests.find((r) => r.method === 'POST' && r.body);
    expect(post?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(post!.body!)).toMatchObject({ customer: 'acme', format: 'csv' });
  });

  it('follows local $refs, uses the server path, and keeps other hosts off the target', () => {
    const doc = {
      openapi: '3.1.0',
      servers: [{ url: 'https://api.example.com/v2' }],
      components: {
        parameters: { Id: { name: 'id', in: 'path', schema: { type: 'string', enum: ['a1'] } } },
      },
      paths: {
        '/users/{id}': { parameters: [{ $ref: '#/components/parameters/Id' }], delete: {}, get: {} },
        '/bad': { get: { parameters: [{ $ref: '#/components/parameters/Nope' }] } },
        '/ext': { get: { parameters: [{ $ref: 'other.yaml#/x' }] } },
      },
    };
    const { requests, problems } = apiRequests(doc, target);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET http://127.0.0.1:8080/v2/users/a1',
      'DELETE http://127.0.0.1:8080/v2/users/a1',
    ]);
    expect(problems).toEqual([
      'GET /bad: reference #/components/parameters/Nope points at nothing',
      'GET /ext: external reference other.yaml#/x is not followed',
    ]);
  });

  it('survives recursive schemas', () => {
    const doc = {
      openapi: '3.0.0',
      components: {
        schemas: { Node: { type: 'object', properties: { child: { $ref: '#/components/schemas/Node' } } } },
      },
      paths: {
        '/tree': {
          post: {
            requestBody: {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } },
            },
          },
        },
      },
    };
    expect(apiRequests(doc, target).requests).toHaveLength(1);
  });
});

describe('readSpec', () => {
  it('reads JSON and YAML files', async () => {
    expect((await readSpec(file('a.json', JSON.stringify(OPENAPI)), noFetch)).openapi).toBe('3.0.3');
    expect((await readSpec(file('a.yaml', 'openapi: 3.1.0\npaths: {}\n'), noFetch)).openapi).toBe('3.1.0');
  });

  it('says which file is wrong and why', async () => {
    await expect(readSpec(join(dir, 'missing.json'), noFetch)).rejects.toThrow(/missing.json: no such file/);
    await expect(readSpec(file('b.json', '{"openapi": "3.0.0", '), noFetch)).rejects.toThrow(
      /b.json: not JSON or YAML/,
    );
    await expect(readSpec(file('c.json', '{"swagger": "2.0", "paths": {}}'), noFetch)).rejects.toThrow(
      /not an OpenAPI 3 document/,
    );
    await expect(readSpec(file('d.yaml', 'openapi: 3.0.0\n'), noFetch)).rejects.toThrow(/has no "paths"/);
    const bomb = `openapi: 3.0.0\npaths: {}\na: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`).join('\n')}\n`;
    await expect(readSpec(file('bomb.yaml', bomb), noFetch)).rejects.toThrow(/not JSON or YAML/);
  });
});
