import { describe, expect, it } from 'vitest';
import { pathTraversal } from './path-traversal.js';
import { escapeHtml, type FakeApp, fakeContext, html, point } from './testing/fake-target.js';

const PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';
const p = point({ name: 'file', value: 'report.txt' });
const run = (app: FakeApp) => pathTraversal.run(p, fakeContext(app, p));
const notFound = (v: string) => html(`<p>There is no file called ${escapeHtml(v)}.</p>`, { status: 404 });

describe('path-traversal', () => {
  it('confirms /etc/passwd read through ../', async () => {
    const hits = await run((v) =>
      v.includes('../') ? { headers: { 'content-type': 'text/plain' }, body: PASSWD } : notFound(v),
    );
    expect(hits[0]?.evidence).toBe('root:x:0:0:root:/root:/bin/bash');
  });

  it('confirms win.ini read through a drive letter', async () => {
    const ini = '; for 16-bit app support\r\n[fonts]\r\n[extensions]\r\n';
    const hits = await run((v) => (v.startsWith('C:') ? { headers: {}, body: ini } : notFound(v)));
    expect(hits[0]?.message).toMatch(/win\.ini/);
  });

  it('does not report a not-found page naming the path, or a page that always shows the file', async () => {
    expect(await run(notFound)).toEqual([]);
    expect(await run(() => html(`<h1>How to read /etc/passwd</h1><pre>${PASSWD}</pre>`))).toEqual([]);
  });
});
