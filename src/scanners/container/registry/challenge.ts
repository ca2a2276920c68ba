/** One challenge of a `WWW-Authenticate` header (RFC 9110 §11.6.1): a scheme and its parameters. */
export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

/**
 * Every challenge in the header. Registries send one (`Bearer realm="…",service="…",scope="…"` or
 * `Basic realm="…"`), but the grammar allows several, and a quoted string may hold commas.
 */
export function parseChallenges(header: string): Challenge[] {
  const out: Challenge[] = [];
  let rest = header.trim();
  while (rest.length > 0) {
    const scheme = TOKEN.exec(rest)?.[0];
    if (!scheme) break;
    rest = rest.slice(scheme.length).trimStart();
    const params: Record<string, string> = {};
    for (;;) {
      const param = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*/.exec(rest);
      if (!param) break;
      rest = rest.slice(param[0].length);
      const value = readValue(rest);
      if (!value) return out;
      params[param[1]!.toLowerCase()] = value.value;
      rest = value.rest.replace(/^\s*,\s*/, '');
    }
    out.push({ scheme: scheme.toLowerCase(), params });
    rest = rest.replace(/^[\s,]+/, '');
  }
  return out;
}

function readValue(text: string): { value: string; rest: string } | undefined {
  if (!text.startsWith('"')) {
    const token = TOKEN.exec(text)?.[0];
    return token ? { value: token, rest: text.slice(token.length) } : undefined;
  }
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) value += text[++i];
    else if (c === '"') return { value, rest: text.slice(i + 1) };
    else value += c;
  }
  return undefined;
}
