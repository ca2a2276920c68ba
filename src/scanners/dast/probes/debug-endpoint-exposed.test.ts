import { describe, expect, it } from 'vitest';
import { debugEndpointExposed } from './debug-endpoint-exposed.js';
import { siteContext, text } from './testing/fake-site.js';

describe('debug-endpoint-exposed', () => {
  it('confirms each endpoint by its output format', async () => {
    const hits = await debugEndpointExposed.run(
      await siteContext({
        '/debug/pprof/': text(
          '<html><head><title>/debug/pprof/</title></head><body>Types of profiles available:</body></html>',
          'text/html',
        ),
        '/debug/vars': text(
          JSON.stringify({ cmdline: ['/srv/app', '-token=abc'], memstats: { Alloc: 1 } }),
          'application/json',
        ),
        '/_profiler/': text('<html><head><title>Symfony Profiler</title></head></html>', 'text/html'),
        '/server-status': text('<html><h1>Apache Server Status for shop.example</h1></html>', 'text/html'),
        '/phpinfo.php': text(
          '<title>PHP 8.2.1 - phpinfo()</title><h1 class="p">PHP Version 8.2.1</h1>',
          'text/html',
        ),
      }),
    );
    expect(hits.map((h) => new URL(h.exchange.request.url).pathname)).toEqual([
      '/debug/pprof/',
      '/debug/vars',
      '/_profiler/',
      '/server-status',
      '/phpinfo.php',
    ]);
    expect(hits.find((h) => h.message.includes('expvar'))?.evidence).not.toContain('token');
  });

  it('does not report a real page at a phpinfo-like path, expvar-like JSON or soft-404s', async () => {
    const hits = await debugEndpointExposed.run(
      await siteContext({
        '/info.php': text(
          '<!doctype html><title>Store information</title><p>Opening hours. We run PHP Version 8 happily.</p>',
          'text/html',
        ),
        '/debug/vars': text(JSON.stringify({ cmdline: 'x', memstats: null }), 'application/json'),
      }),
    );
    expect(hits).toEqual([]);
    expect(await debugEndpointExposed.run(await siteContext({}))).toEqual([]);
  });
});
