import { createHmac, createPrivateKey, createPublicKey } from 'node:crypto';
import { B64URL, HEX, type Rng } from './prng.js';

/**
 * Key material in the formats people leak: PEM (PKCS#1, PKCS#8, SEC1), OpenSSH, PGP armour,
 * JWTs and GCP service-account files. Everything comes from the seeded generator, so the
 * output is the same on every run; Ed25519 and P-256 keys are mathematically valid, the RSA
 * ones only have the right DER structure.
 */

function bytes(rng: Rng, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = rng.int(0, 255);
  return b;
}

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const hex = n.toString(16).padStart(n > 0xff ? 4 : 2, '0');
  const len = Buffer.from(hex, 'hex');
  return Buffer.concat([Buffer.from([0x80 | len.length]), len]);
}

function der(tag: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

function derInt(rng: Rng, n: number): Buffer {
  const b = bytes(rng, n);
  b[0] = b[0]! | 0x80;
  return der(0x02, Buffer.concat([Buffer.from([0]), b]));
}

export function pem(label: string, body: Buffer, width = 64): string {
  const b64 = body.toString('base64');
  const lines = b64.match(new RegExp(`.{1,${width}}`, 'g')) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function rsaPkcs1Der(rng: Rng): Buffer {
  const e = der(0x02, Buffer.from([0x01, 0x00, 0x01]));
  const parts = [der(0x02, Buffer.from([0])), derInt(rng, 256), e, derInt(rng, 256)];
  for (let i = 0; i < 5; i++) parts.push(derInt(rng, 128));
  return der(0x30, Buffer.concat(parts));
}

export function rsaPrivateKeyPem(rng: Rng): string {
  return pem('RSA PRIVATE KEY', rsaPkcs1Der(rng));
}

/** PKCS#8 wrapping of an RSA key: `BEGIN PRIVATE KEY`. */
export function pkcs8RsaPem(rng: Rng): string {
  const alg = der(0x30, Buffer.from('06092a864886f70d0101010500', 'hex'));
  const body = Buffer.concat([der(0x02, Buffer.from([0])), alg, der(0x04, rsaPkcs1Der(rng))]);
  return pem('PRIVATE KEY', der(0x30, body));
}

function ed25519Der(rng: Rng): Buffer {
  return Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), bytes(rng, 32)]);
}

export function ed25519PrivatePem(rng: Rng): string {
  return pem('PRIVATE KEY', ed25519Der(rng));
}

export function ecPrivatePem(rng: Rng): string {
  const d = bytes(rng, 32);
  d[0] = 0x7f & d[0]!;
  const sec1 = Buffer.concat([
    Buffer.from('30310201010420', 'hex'),
    d,
    Buffer.from('a00a06082a8648ce3d030107', 'hex'),
  ]);
  const key = createPrivateKey({ key: sec1, format: 'der', type: 'sec1' });
  return key.export({ format: 'pem', type: 'sec1' }).toString();
}

function sshString(b: Buffer | string): Buffer {
  const body = typeof b === 'string' ? Buffer.from(b) : b;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
}

function ed25519Pair(rng: Rng): { priv: Buffer; pub: Buffer } {
  const pkcs8 = ed25519Der(rng);
  const spki = createPublicKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })).export({
    format: 'der',
    type: 'spki',
  });
  return { priv: pkcs8.subarray(16), pub: spki.subarray(spki.length - 32) };
}

export function opensshPrivateKey(rng: Rng, comment: string): string {
  const { priv, pub } = ed25519Pair(rng);
  const pubBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(pub)]);
  const check = bytes(rng, 4);
  let inner = Buffer.concat([
    check,
    check,
    sshString('ssh-ed25519'),
    sshString(pub),
    sshString(Buffer.concat([priv, pub])),
    sshString(comment),
  ]);
  const pad = (8 - (inner.length % 8)) % 8;
  inner = Buffer.concat([inner, Buffer.from(Array.from({ length: pad }, (_, i) => i + 1))]);
  const count = Buffer.alloc(4);
  count.writeUInt32BE(1);
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    count,
    sshString(pubBlob),
    sshString(inner),
  ]);
  return pem('OPENSSH PRIVATE KEY', body, 70);
}

/** Public halves: what a scanner must not report. */
export function ed25519PublicPem(rng: Rng): string {
  const key = createPrivateKey({ key: ed25519Der(rng), format: 'der', type: 'pkcs8' });
  return createPublicKey(key).export({ format: 'pem', type: 'spki' }).toString();
}

export function sshPublicKey(rng: Rng, comment: string): string {
  const { pub } = ed25519Pair(rng);
  const blob = Buffer.concat([sshString('ssh-ed25519'), sshString(pub)]);
  return `ssh-ed25519 ${blob.toString('base64')} ${comment}`;
}

export function pgpPrivateBlock(rng: Rng): string {
  const body = bytes(rng, 900).toString('base64');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${lines.join('\n')}\n=${bytes(rng, 3).toString('base64')}\n-----END PGP PRIVATE KEY BLOCK-----\n`;
}

const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');

export function jwt(rng: Rng, claims: Record<string, unknown>): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  const sig = createHmac('sha256', bytes(rng, 32)).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

export function gcpServiceAccount(rng: Rng, project: string): string {
  const email = `deployer@${project}.iam.gserviceaccount.com`;
  const doc = {
    type: 'service_account',
    project_id: project,
    private_key_id: rng.chars(HEX, 40),
    private_key: pkcs8RsaPem(rng),
    client_email: email,
    client_id: rng.chars('0123456789', 21),
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
    auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(email)}`,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function base64urlChars(rng: Rng, n: number): string {
  return rng.chars(B64URL, n);
}
