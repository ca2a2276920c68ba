import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltImage, buildParts, sha256 } from '../image/testing/build-image.js';
import { readImageInventory } from '../read-image.js';
import { pullImage } from './pull.js';

/**
 * A registry that lies, on loopback: what a compromised or broken registry can send. Each route
 * is one misbehaviour; the pull must say what went wrong and keep what it can.
 */
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let work: string;
let image: BuiltImage;
let lying: Server;
let storage: Server;
let host: string;
let storageHost: string;
const storageSawAuth: (string | undefined)[] = [];
const env = { DOCKER_CONFIG: '/nonexistent-gatehouse-docker-config' };
const temps = () => readdirSync(work).filter((n) => n.startsWith('gatehouse-pull-'));

function listen(handler: Handler): Promise<Server> {
  return new Promise((resolve) => {
    const s = createServer(handler);
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}
const portOf = (s: Server) => (s.address() as { port: number }).port;

const MANIFEST_TYPE = 'application/vnd.oci.image.manifest.v1+json';

function manifestFor(layerSize?: number): Buffer {
  const m = JSON.parse(image.manifest.toString()) as { layers: { size: number }[] };
  if (layerSize !== undefined) m.layers[0]!.size = layerSize;
  return Buffer.from(JSON.stringify(m));
}

/** Routes by repository: `/v2/<repo>/manifests/<key>` and `/v2/<repo>/blobs/<digest>`. */
function route(req: IncomingMessage, res: ServerResponse): unknown {
  const m = /^\/v2\/([^/]+)\/(manifests|blobs)\/(.+)$/.exec(req.url ?? '');
  if (!m) return res.writeHead(404).end();
  const [, repo, kind, key] = m as unknown as [string, string, string, string];
  const layer = image.layers[0]!;
  const send = (body: Buffer, headers: Record<string, string> = {}) =>
    res
      .writeHead(200, { 'content-type': MANIFEST_TYPE, 'content-length': String(body.length), ...headers })
      .end(body);
  if (kind === 'manifests') {
    switch (repo) {
      case 'liar':
        return send(image.manifest, { 'docker-content-digest': sha256(Buffer.from('something else')) });
      case 'huge':
        return send(Buffer.alloc(5 * 1024 * 1024, 0x20));
      case 'loop':
        return res.writeHead(307, { location: req.url ?? '/' }).end();
      case 'schema1':
        return send(Buffer.from(JSON.stringify({ schemaVersion: 1, name: 'x', fsLayers: [] })), {
          'content-type': 'application/vnd.docker.distribution.manifest.v1+prettyjws',
        });
      case 'notjson':
        return send(Buffer.from('<html>login</html>'));
      case 'bigblob':
        return send(manifestFor(10));
      case 'error':
        return res
          .writeHead(500, { 'content-type': 'application/json' })
          .end('{"errors":[{"code":"UNKNOWN","message":"disk on fire"}]}');
      default:
        return send(image.manifest);
    }
  }
  if (key === image.configDigest) return send(image.config, { 'content-type': 'application/octet-stream' });
  switch (repo) {
    case 'blob500':
      return res.writeHead(500).end();
    case 'tampered':
      return send(Buffer.from(layer.blob).fill(0x41, 20, 40), { 'content-type': 'application/octet-stream' });
    case 'stall':
      res.writeHead(200, { 'content-length': String(layer.blob.length) });
      return res.write(layer.blob.subarray(0, 10));
    case 'redirect':
      return res.writeHead(307, { location: `http://${storageHost}/blob?sig=1` }).end();
    default:
      return send(layer.blob, { 'content-type': 'application/octet-stream' });
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'gh-pull-hostile-'));
  image = await buildParts({ layers: [{ files: { 'etc/os-release': 'ID=alpine\nVERSION_ID=3.19.0\n' } }] });
  lying = await listen(route);
  storage = await listen((req, res) => {
    storageSawAuth.push(req.headers.authorization);
    res.writeHead(200).end(image.layers[0]!.blob);
  });
  host = `127.0.0.1:${portOf(lying)}`;
  storageHost = `127.0.0.1:${portOf(storage)}`;
});
afterAll(async () => {
  lying.closeAllConnections();
  await new Promise((r) => lying.close(r));
  await new Promise((r) => storage.close(r));
  rmSync(work, { recursive: true, force: true });
});

const pull = (repo: string, extra: Record<string, unknown> = {}) =>
  pullImage(`${host}/${repo}:1`, { env, tempRoot: work, ...extra });

async function inventoryOf(repo: string, extra: Record<string, unknown> = {}) {
  const pulled = await pull(repo, extra);
  try {
    return await readImageInventory(pulled.layout, {
      pulled: { reference: pulled.reference, diagnostics: pulled.diagnostics },
    });
  } finally {
    await pulled.remove();
  }
}

describe('a registry that misbehaves', () => {
  it('refuses manifests that lie about their digest, are huge, loop, are schema 1 or not JSON', async () => {
    await expect(pull('liar')).rejects.toThrow(/differs from the sha256:\w+ the registry announced/);
    await expect(
      pullImage(`${host}/liar@${sha256(Buffer.from('x'))}`, { env, tempRoot: work }),
    ).rejects.toThrow(/the registry sent content whose digest is sha256:/);
    await expect(pull('huge')).rejects.toThrow(/sent 5242880 bytes, more than the 4194304 allowed/);
    await expect(pull('loop')).rejects.toThrow(/redirected more than 5 times/);
    await expect(pull('schema1')).rejects.toThrow(/schema 1 manifest, which is not supported/);
    await expect(pull('notjson')).rejects.toThrow(/manifest 1 is not a JSON object/);
    await expect(pull('error')).rejects.toThrow(/HTTP 500 \(UNKNOWN: disk on fire\)/);
    expect(temps()).toEqual([]);
  });

  it('keeps reading when a blob is refused, tampered with or too big, and says which', async () => {
    const failed = await inventoryOf('blob500');
    expect(failed.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['blob-download-failed']));
    expect(failed.diagnostics.find((d) => d.code === 'blob-download-failed')?.message).toMatch(
      new RegExp(`^${host}/blob500:1: blob sha256:\\w+: HTTP 500`),
    );
    const tampered = await inventoryOf('tampered');
    const tamperedLayer = tampered.diagnostics.find((d) => d.level === 'error' && /layer 0/.test(d.message));
    expect(tamperedLayer?.message).toMatch(/tampered:1: layer 0 \(sha256:\w+\): .*(corrupt|digest)/);
    const big = await inventoryOf('bigblob');
    expect(big.diagnostics.map((d) => d.message).join('\n')).toMatch(
      /sent more than the 10 bytes the manifest declares/,
    );
    expect(big.image.config?.diffIds).toHaveLength(1);
    expect(temps()).toEqual([]);
  });

  it('gives up on a blob that stalls', async () => {
    const inv = await inventoryOf('stall', { idleTimeoutMs: 300 });
    expect(inv.diagnostics.map((d) => d.message).join('\n')).toMatch(/nothing arrived for 0 s; given up/);
  });

  it('follows a blob redirect to storage without carrying the credentials there', async () => {
    const inv = await inventoryOf('redirect', {
      env: { ...env, GATEHOUSE_REGISTRY_TOKEN: 'registry-only-token' },
    });
    expect(inv.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(inv.os).toMatchObject({ id: 'alpine' });
    expect(storageSawAuth).toEqual([undefined]);
  });

  it('says when the registry cannot be reached', async () => {
    const closed = await listen(() => {});
    const port = portOf(closed);
    await new Promise((r) => closed.close(r));
    await expect(pullImage(`127.0.0.1:${port}/app:1`, { env, tempRoot: work })).rejects.toThrow(
      `cannot reach registry 127.0.0.1:${port}: ECONNREFUSED`,
    );
  });
});
