import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, html } from '../testing/pages.js';
import { directoryListing } from './directory-listing.js';

const page = (body: string, status = 200) =>
  runPassive(directoryListing, { url: 'http://127.0.0.1:8080/files/', status, headers: headers(), body });

const APACHE = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN"><html><head><title>Index of /files</title></head><body>
<h1>Index of /files</h1><table><tr><th><a href="?C=N;O=D">Name</a></th><th><a href="?C=M;O=A">Last modified</a></th></tr>
<tr><td><a href="/">Parent Directory</a></td></tr><tr><td><a href="backup.sql">backup.sql</a></td></tr></table></body></html>`;
const NGINX = `<html><head><title>Index of /files/</title></head><body><h1>Index of /files/</h1><hr><pre><a href="../">../</a>
<a href="db.sql">db.sql</a>                                             02-Mar-2024 10:14    1024
</pre><hr></body></html>`;
const IIS = `<html><head><title>shop.example.com - /files/</title></head><body><H1>shop.example.com - /files/</H1><hr>
<pre><A HREF="/">[To Parent Directory]</A><br><br> 3/2/2024 10:14 AM 1024 <A HREF="/files/db.sql">db.sql</A><br></pre><hr></body></html>`;
const PYTHON = `<!DOCTYPE HTML><html lang="en"><head><meta charset="utf-8"><title>Directory listing for /files/</title></head>
<body><h1>Directory listing for /files/</h1><hr><ul><li><a href="db.sql">db.sql</a></li></ul><hr></body></html>`;

describe('dast/directory-listing', () => {
  it.each([
    ['Apache', APACHE],
    ['nginx', NGINX],
    ['IIS', IIS],
    ['Python', PYTHON],
  ])('reports a %s listing', (_server, body) => {
    const hits = page(body);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).toContain('directory listing');
  });

  it('accepts pages that only look like listings', () => {
    const products = html(
      'Index of products',
      '<table><tr><td><a href="/shop/cup">Espresso cup</a></td></tr></table><p>Back to the Parent Directory of our catalogue.</p>',
    );
    expect(page(products)).toEqual([]);
    expect(
      page(html('Index of /docs — how our docs are organised', '<p>No links here, and no parent link.</p>')),
    ).toEqual([]);
    expect(page(html('Help', '<p>Our old server printed "[To Parent Directory]" links.</p>'))).toEqual([]);
    expect(page(APACHE, 404)).toEqual([]);
  });

  it('reads a 5 MB page', () => {
    page(`<title>Index of /x</title>${HUGE}`);
  });
});
