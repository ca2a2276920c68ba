import type { ReactNode } from 'react';

/** The URL when it is a web address; anything else (javascript:, data:, relative) is not a link. */
function webUrl(text: string): string | undefined {
  try {
    const u = new URL(text);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A link found in scanner or advisory data, which anyone who uploads a report controls: only
 * http(s) addresses become links, opened without handing over this page (noopener, noreferrer).
 * Anything else is shown as plain text.
 */
export function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  const url = webUrl(href);
  if (!url) return <span className="code-text">{children ?? href}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {children ?? href}
    </a>
  );
}
