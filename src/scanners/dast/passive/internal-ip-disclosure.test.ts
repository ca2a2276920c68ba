import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, html } from '../testing/pages.js';
import { internalIpDisclosure as rule } from './internal-ip-disclosure.js';

const page = (
  body: string,
  changes: Record<string, string> = {},
  spec: { url?: string; requestBody?: string } = {},
  origin?: string,
) => runPassive(rule, { headers: headers(changes), body, ...spec }, origin);

describe('dast/internal-ip-disclosure', () => {
  it('reports private addresses in comments, text and headers', () => {
    const comment = page(
      html('Store status', '<p>All normal.</p><!-- rendered by app-7 (upstream 10.20.30.40:8080) -->'),
    );
    expect(comment).toHaveLength(1);
    expect(comment[0]!.message).toBe(
      'the response body discloses the private address 10.20.30.40 in an HTML comment',
    );
    const header = page(html('Store status', '<p>ok</p>'), { 'x-backend-server': '192.168.12.7' });
    expect(header).toMatchObject([{ param: 'x-backend-server', evidence: 'x-backend-server: 192.168.12.7' }]);
    const json = runPassive(rule, {
      headers: { 'content-type': 'application/json' },
      body: '{"error":"connect ECONNREFUSED 172.16.4.2:5432","meta":"169.254.169.254"}',
    });
    expect(json.map((h) => h.message)).toEqual([
      'the response body discloses the private address 172.16.4.2',
      'the response body discloses the private address 169.254.169.254',
    ]);
  });

  it('reports each address once', () => {
    expect(page(html('x', '<p>10.0.0.5 10.0.0.5 10.0.0.5</p>'))).toHaveLength(1);
  });

  it('accepts versions, invalid octets, public and loopback addresses', () => {
    const notes = html(
      'Release notes',
      `<ul><li>Card terminals: firmware 1.10.0.5 is now required.</li>
<li>Rejects malformed addresses such as 10.0.300.1.</li>
<li>Our status page moved to 203.0.113.7; the old mirror 172.32.0.1 is retired.</li>
<li>Search: version 2.4.1, build 10.2.3.4, release v10.1.1.2, OID 1.3.6.1.4.1, 10.2.3.4.5, 010.001.002.003.</li>
<li>Local test server at 127.0.0.1:3000 and 0.0.0.0.</li></ul>`,
    );
    expect(page(notes)).toEqual([]);
  });

  it('accepts the target itself and addresses echoed from the request', () => {
    expect(
      page(
        html('x', '<p>Served by 192.168.1.10</p>'),
        {},
        { url: 'http://192.168.1.10/' },
        'http://192.168.1.10',
      ),
    ).toEqual([]);
    const reflected = page(
      html('Fetch', '<p>Could not fetch http://10.0.0.1/admin</p>'),
      {},
      { url: 'http://127.0.0.1:8080/fetch?url=http%3A%2F%2F10%2E0%2E0%2E1%2Fadmin' },
    );
    expect(reflected).toEqual([]);
    const echoedRaw = page(
      html('Fetch', '<p>Could not fetch 10.0.0.1</p>'),
      {},
      { requestBody: 'host=10.0.0.1' },
    );
    expect(echoedRaw).toEqual([]);
  });

  it('does not read binary bodies', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), Buffer.from('10.1.2.3')]);
    expect(runPassive(rule, { headers: { 'content-type': 'image/png' }, body: png })).toEqual([]);
    expect(runPassive(rule, { headers: {}, body: png })).toEqual([]);
  });

  it('stays linear on hostile bodies', () => {
    for (const body of [
      HUGE,
      '1.'.repeat(2_500_000),
      '10.0.0.1 '.repeat(500_000),
      '<!--10.0.0.1 '.repeat(300_000),
    ]) {
      page(body);
    }
  });
});
