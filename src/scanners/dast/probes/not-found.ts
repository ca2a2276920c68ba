import { bodyText, marker } from '../active/lib.js';
import { normalize, similarity } from '../active/similarity.js';
import type { Exchange, ProbeContext } from '../types.js';

/** A missing path answered with a page this much like the soft-404 is the soft-404. */
const SAME_PAGE = 0.9;

interface Sample {
  status: number;
  text: string;
}

/** Resolves a probe path against the origin, or against a crawled folder when `origin` has a path. */
export function probeUrl(origin: string, path: string): string {
  const base = origin.endsWith('/') ? origin : `${origin}/`;
  return new URL(path.replace(/^\/+/, ''), base).toString();
}

/** The forms in which a "not found" page may repeat the path it was asked for. */
function pathForms(url: string): string[] {
  try {
    const u = new URL(url);
    const forms = [url, u.pathname + u.search, u.pathname, u.pathname.slice(1)];
    try {
      forms.push(decodeURIComponent(u.pathname));
    } catch {
      // A malformed escape is echoed as sent, which the raw forms cover.
    }
    return forms;
  } catch {
    return [url];
  }
}

function comparable(ex: Exchange): string {
  return normalize(bodyText(ex), pathForms(ex.request.url));
}

/**
 * Learns how this server answers for paths that do not exist: two random ones, one with an
 * extension (servers often route `*.php` to another handler) and one without. The predicate is
 * then true for 404 and 410, and for any answer with a sample's status and a body like the
 * sample's once the echoed path is taken out of both, which catches "200 Page not found" sites
 * and catch-all redirects to a login page.
 */
export async function learnNotFound(
  send: ProbeContext['send'],
  origin: string,
): Promise<(exchange: Exchange) => boolean> {
  const paths = [`${marker('gh-')}.php`, marker('gh-')];
  const samples: Sample[] = [];
  for (const path of paths) {
    const ex = await send({ method: 'GET', url: probeUrl(origin, path) });
    if (ex && ex.response.status !== 404 && ex.response.status !== 410)
      samples.push({ status: ex.response.status, text: comparable(ex) });
  }
  return (ex) => {
    const { status } = ex.response;
    if (status === 404 || status === 410) return true;
    const matching = samples.filter((s) => s.status === status);
    if (matching.length === 0) return false;
    const text = comparable(ex);
    return matching.some((s) => similarity(s.text, text) >= SAME_PAGE);
  };
}
