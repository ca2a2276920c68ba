/**
 * Realistic responses for the rules' unit tests: a hardened baseline that each test departs
 * from by the one header or element it is about.
 */
export const HARDENED: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  'cache-control': 'no-store',
};

/** The baseline with headers replaced, added, or (undefined) removed. */
export function headers(
  changes: Record<string, string | string[] | undefined> = {},
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = { ...HARDENED };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

export function html(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
${head}</head>
<body>
<nav><a href="/">Home</a> · <a href="/shop/">Shop</a></nav>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`;
}

export const ORDINARY = html(
  'Your orders',
  '<p>Orders placed in the last 90 days.</p><ul><li>Order 1042: espresso cup, shipped</li></ul>',
);

/** 5 MB of one character: no match anywhere, and a regex that backtracks shows up as a timeout. */
export const HUGE = 'a'.repeat(5_000_000);

/** A page carrying this Content-Security-Policy (a list gives several headers) and other headers. */
export const withCsp = (
  policy: string | string[] | undefined,
  extra: Record<string, string | undefined> = {},
) => ({
  headers: headers({ 'content-security-policy': policy, ...extra }),
  body: ORDINARY,
});

/** Policies no server should send: the CSP rules must read them without throwing or stalling. */
export const MALFORMED_POLICIES = [
  ';;;,,,',
  "script-src 'unsafe-inline' \u0000\u00ff; %%%; default-src",
  `script-src ${"'self' ".repeat(50_000)}`,
  Array.from({ length: 500 }, () => "script-src 'unsafe-inline'").join(', '),
];
