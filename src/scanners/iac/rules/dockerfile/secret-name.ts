/**
 * Whether a variable name says it holds a credential (`DB_PASSWORD`, `GITHUB_TOKEN`, `API_KEY`),
 * excluding names that only point at one (`*_FILE`, `*_PATH`, `*_URL`) or describe one (`*_TTL`, `*_ID`).
 */
const SECRET =
  /passw(or)?d|passphrase|secret|token|api_?key|access_?key|private_?key|credential|(^|_)pass($|_)/i;
const DESCRIBES =
  /_(file|path|dir|url|uri|endpoint|host|port|name|user|username|id|ttl|expiry|expires|expiration|timeout|length|size|enabled|header|type|mode|policy|format|algorithm|version|region|location)$/i;

export const isSecretName = (name: string) => SECRET.test(name) && !DESCRIBES.test(name);

/**
 * A literal that could be a credential: not empty, not a boolean or a path, not an
 * interpolation (`${VAR}`), which is resolved elsewhere.
 */
export function isSecretValue(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const v = value.trim();
  return (
    v.length > 0 &&
    !/^(true|false|yes|no|on|off|null|none)$/i.test(v) &&
    !v.startsWith('/') &&
    !v.includes('${')
  );
}
