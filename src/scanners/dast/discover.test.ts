import { describe, expect, it } from 'vitest';
import { robotsLeads, scriptLeads, sitemapLeads } from './discover.js';

const BASE = 'http://127.0.0.1:8080/';
const urls = (leads: { url: string }[]) => leads.map((l) => l.url);

describe('robotsLeads', () => {
  it('reads Allow, Disallow (wildcards cut) and Sitemap lines', () => {
    const text =
      'User-agent: *\nDisallow: /admin/\nAllow: /shop/*.html$\nDisallow: /\nsitemap: /maps/site.xml\n# Disallow: /commented\n';
    expect(urls(robotsLeads(text, BASE))).toEqual([
      'http://127.0.0.1:8080/admin/',
      'http://127.0.0.1:8080/shop/',
      'http://127.0.0.1:8080/maps/site.xml',
    ]);
  });

  it('survives binary, truncated and huge files', () => {
    expect(robotsLeads('\u0000\uffffDisallow', BASE)).toEqual([]);
    expect(robotsLeads('Disallow: http://[bad', BASE)).toEqual([]);
    expect(robotsLeads('Disallow: /a\n'.repeat(100_000), BASE)).toHaveLength(5_000);
  });
});

describe('sitemapLeads', () => {
  it('reads <loc> entries, entities decoded', () => {
    const xml =
      '<urlset><url><loc> http://127.0.0.1:8080/a?x=1&amp;y=2 </loc></url><url><loc>/b</loc></url></urlset>';
    expect(urls(sitemapLeads(xml, BASE))).toEqual([
      'http://127.0.0.1:8080/a?x=1&y=2',
      'http://127.0.0.1:8080/b',
    ]);
  });

  it('survives unclosed, binary and huge documents', () => {
    expect(sitemapLeads('<urlset><loc>/a', BASE)).toEqual([]);
    expect(sitemapLeads('<loc>javascript:alert(1)</loc><loc>\u0000</loc>', BASE).length).toBeLessThanOrEqual(
      1,
    );
    expect(sitemapLeads('<loc>/x</loc>'.repeat(100_000), BASE)).toHaveLength(50_000);
  });
});

describe('scriptLeads', () => {
  it('finds absolute paths in string literals and the source map, not assets or protocol-relative URLs', () => {
    const js = `fetch('/api/items');axios.get("/v1/users?id=1");const img='/logo.png';const cdn='//cdn.example/x';\n//# sourceMappingURL=app.js.map`;
    expect(urls(scriptLeads(js, 'http://127.0.0.1:8080/static/app.js'))).toEqual([
      'http://127.0.0.1:8080/static/app.js.map',
      'http://127.0.0.1:8080/api/items',
      'http://127.0.0.1:8080/v1/users?id=1',
    ]);
    expect(scriptLeads('//# sourceMappingURL=data:application/json;base64,e30=', BASE)).toEqual([]);
  });

  it('stays bounded on huge and hostile scripts', () => {
    expect(scriptLeads(`'/a${'/'.repeat(3_000_000)}`, BASE)).toEqual([]);
    expect(scriptLeads("'/p'".repeat(10_000), BASE)).toHaveLength(2_000);
  });
});
