import { readFile, stat } from 'node:fs/promises';
import OpenAPISampler from 'openapi-sampler';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../../core/errors.js';

/** One operation of the API document, made into a request with schema-valid example values. */
export interface ApiRequest {
  operation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const MAX_SPEC_BYTES = 20 * 1024 * 1024;

/** The document as text: a file, or what the given fetch answers for a URL. */
export async function readSpec(spec: string, fetchText: (url: string) => Promise<string>): Promise<Json> {
  let text: string;
  if (/^https?:\/\//i.test(spec)) text = await fetchText(spec);
  else {
    const st = await stat(spec).catch(() => undefined);
    if (!st?.isFile()) throw new UserError(`--openapi ${spec}: no such file`);
    if (st.size > MAX_SPEC_BYTES)
      throw new UserError(`--openapi ${spec}: ${st.size} bytes is too big for an API document`);
    text = await readFile(spec, 'utf8');
  }
  let doc: unknown;
  try {
    doc = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new UserError(`--openapi ${spec}: not JSON or YAML (${(e as Error).message.split('\n')[0]})`);
  }
  if (!isObj(doc) || typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.'))
    throw new UserError(
      `--openapi ${spec}: not an OpenAPI 3 document (no "openapi": "3.x" field)`,
      'Swagger 2.0 documents can be converted with swagger2openapi',
    );
  if (!isObj(doc.paths)) throw new UserError(`--openapi ${spec}: the document has no "paths"`);
  return doc;
}

/**
 * Every operation as a request against the target: the first server's path (relative servers
 * are common; an absolute one on another host is replaced by the target, which is what was
 * asked to be scanned), path, query and header parameters and a JSON or form body sampled from
 * their schemas (`example`, `default`, `enum` first).
 */
export function apiRequests(doc: Json, target: URL): { requests: ApiRequest[]; problems: string[] } {
  const problems: string[] = [];
  const base = serverBase(doc, target);
  const requests: ApiRequest[] = [];
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    if (!isObj(item)) continue;
    const shared = asArray(item.parameters);
    for (const method of METHODS) {
      const op = item[method];
      if (!isObj(op)) continue;
      const name = typeof op.operationId === 'string' ? op.operationId : `${method.toUpperCase()} ${path}`;
      try {
        requests.push(buildRequest(doc, base, path, method, op, shared, name));
      } catch (e) {
        problems.push(`${name}: ${(e as Error).message}`);
      }
    }
  }
  return { requests, problems };
}

function buildRequest(
  doc: Json,
  base: URL,
  path: string,
  method: string,
  op: Json,
  shared: unknown[],
  name: string,
): ApiRequest {
  const params = new Map<string, Json>();
  for (const p of [...shared, ...asArray(op.parameters)].map((x) => deref(doc, x))) {
    if (isObj(p) && typeof p.name === 'string' && typeof p.in === 'string')
      params.set(`${p.in}:${p.name}`, p);
  }
  let filled = path;
  const url = new URL(base.toString());
  const headers: Record<string, string> = {};
  for (const p of params.values()) {
    const value = scalar(sampleParam(doc, p));
    if (p.in === 'path') filled = filled.replaceAll(`{${p.name as string}}`, encodeURIComponent(value));
    else if (p.in === 'query') url.searchParams.set(p.name as string, value);
    else if (p.in === 'header' && !/^(?:authorization|cookie|content-type|accept)$/i.test(p.name as string))
      headers[(p.name as string).toLowerCase()] = value;
  }
  url.pathname = `${url.pathname.replace(/\/$/, '')}/${filled.replace(/^\//, '')}`;
  const body = requestBody(doc, op);
  if (body) headers['content-type'] = body.type;
  return {
    operation: name,
    method: method.toUpperCase(),
    url: url.toString(),
    headers,
    ...(body ? { body: body.text } : {}),
  };
}

function requestBody(doc: Json, op: Json): { type: string; text: string } | undefined {
  const rb = deref(doc, op.requestBody);
  if (!isObj(rb) || !isObj(rb.content)) return undefined;
  const content = rb.content as Json;
  const json = Object.keys(content).find((t) => /^application\/(?:[\w.+-]*\+)?json/i.test(t));
  const form = Object.keys(content).find((t) => t.toLowerCase() === 'application/x-www-form-urlencoded');
  const type = json ?? form;
  if (!type) return undefined;
  const media = content[type];
  const value =
    isObj(media) && media.example !== undefined
      ? media.example
      : sampleSchema(doc, isObj(media) ? media.schema : undefined);
  if (json) return { type: 'application/json', text: JSON.stringify(value ?? {}) };
  const fields = new URLSearchParams();
  if (isObj(value)) for (const [k, v] of Object.entries(value)) fields.set(k, scalar(v));
  return { type: 'application/x-www-form-urlencoded', text: fields.toString() };
}

function sampleParam(doc: Json, p: Json): unknown {
  if (p.example !== undefined) return p.example;
  return sampleSchema(doc, p.schema) ?? 'gatehouse';
}

function sampleSchema(doc: Json, schema: unknown): unknown {
  if (!isObj(schema)) return undefined;
  try {
    return OpenAPISampler.sample(
      schema as never,
      { skipReadOnly: true, quiet: true, maxSampleDepth: 8 },
      doc,
    );
  } catch (e) {
    throw new Error(`its schema cannot be sampled (${(e as Error).message})`);
  }
}

function serverBase(doc: Json, target: URL): URL {
  const first = asArray(doc.servers)[0];
  const raw = isObj(first) && typeof first.url === 'string' ? first.url.replace(/\{[^}]*\}/g, '') : '/';
  const url = new URL(raw || '/', target);
  return url.origin === target.origin ? url : new URL(url.pathname, target);
}

/** A local `$ref` (`#/components/parameters/Id`), followed a few times; anything else as it is. */
function deref(doc: Json, v: unknown, depth = 0): unknown {
  if (!isObj(v) || typeof v.$ref !== 'string' || depth > 10) return v;
  if (!v.$ref.startsWith('#/')) throw new Error(`external reference ${v.$ref} is not followed`);
  let at: unknown = doc;
  for (const part of v.$ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    at = isObj(at) ? at[key] : undefined;
  }
  if (at === undefined) throw new Error(`reference ${v.$ref} points at nothing`);
  return deref(doc, at, depth + 1);
}

function scalar(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
