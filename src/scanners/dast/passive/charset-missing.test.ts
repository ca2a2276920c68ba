import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers } from '../testing/pages.js';
import { charsetMissing } from './charset-missing.js';

const page = (contentType: string, body: string | Buffer) =>
  runPassive(charsetMissing, { headers: headers({ 'content-type': contentType }), body });

describe('dast/charset-missing', () => {
  it('reports HTML with no charset anywhere', () => {
    const hits = page('text/html', '<!doctype html><title>x</title><p>hello</p>');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.evidence).toBe('Content-Type: text/html');
  });

  it('accepts a charset in the header, a <meta charset>, a <meta http-equiv> or a BOM', () => {
    expect(page('text/html; Charset="UTF-8"', '<p>x</p>')).toEqual([]);
    expect(page('text/html', '<!doctype html><meta charset=utf-8><p>x</p>')).toEqual([]);
    expect(
      page('text/html', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'),
    ).toEqual([]);
    expect(
      page('text/html', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>x</p>')])),
    ).toEqual([]);
  });

  it('looks for <meta> in the first 1024 bytes only, as browsers do, and ignores non-HTML', () => {
    expect(page('text/html', `<p>${'x'.repeat(2000)}</p><meta charset="utf-8">`)).toHaveLength(1);
    expect(page('application/json', '{}')).toEqual([]);
  });

  it('reads a 5 MB page', () => {
    page('text/html', `<meta${' '.repeat(1100)}${HUGE}`);
  });
});
