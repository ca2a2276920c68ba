import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, html } from '../testing/pages.js';
import { debugPage } from './debug-page.js';

const page = (status: number, body: string) => runPassive(debugPage, { status, headers: headers(), body });

const WERKZEUG = `<!doctype html><html lang=en><head>
<title>AttributeError: &#39;NoneType&#39; object has no attribute &#39;price&#39; // Werkzeug Debugger</title>
<link rel="stylesheet" href="?__debugger__=yes&amp;cmd=resource&amp;f=style.css">
</head><body><div class="debugger"><h1>AttributeError</h1>
<div class="explanation">The debugger caught an exception in your WSGI application.</div>
<div class="footer">Brought to you by <strong class="arthur">DON'T PANIC</strong>, your friendly Werkzeug powered traceback interpreter.</div>
</div></body></html>`;
const DJANGO = `<!DOCTYPE html><html lang="en"><head><title>AttributeError at /checkout/</title></head><body>
<div id="summary"><h1>AttributeError at /checkout/</h1><table class="meta">
<tr><th>Django Version:</th><td>3.2.4</td></tr></table></div>
<div id="explanation"><p>You&#39;re seeing this error because you have <code>DEBUG = True</code> in your Django settings file.
Change that to <code>False</code>, and Django will display a standard page.</p></div></body></html>`;
const YSOD = `<html><head><title>Object reference not set to an instance of an object.</title></head><body>
<span><H1>Server Error in '/' Application.<hr width=100% size=1 color=silver></H1>
<h2> <i>Object reference not set to an instance of an object.</i> </h2></span>
<b> Exception Details: </b>System.NullReferenceException: Object reference not set to an instance of an object.<br><br>
<b> Stack Trace: </b> <br><br></body></html>`;
const WHITELABEL = `<html><body><h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error, so you are seeing this as a fallback.</p>
<div>There was an unexpected error (type=Internal Server Error, status=500).</div>
<div style='white-space:pre-wrap;'>java.lang.IllegalStateException: boom
	at com.example.shop.web.CartController.show(CartController.java:31)
	at org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1067)</div></body></html>`;

describe('dast/debug-page', () => {
  it('reports the Werkzeug debugger at high severity', () => {
    const hits = page(500, WERKZEUG);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.severity).toBe('high');
    expect(hits[0]!.message).toContain('Werkzeug');
  });

  it('reports Django, ASP.NET, Rails, Laravel, Whoops and Spring debug pages', () => {
    expect(page(500, DJANGO)[0]!.message).toContain('Django');
    expect(
      page(
        404,
        DJANGO.replace('id="summary"', 'id="info"').replace(
          'Django Version:',
          'Using the URLconf defined in',
        ),
      ),
    ).toHaveLength(1);
    expect(page(500, YSOD)[0]!.message).toContain('ASP.NET');
    expect(
      page(500, '<html><head><title>Action Controller: Exception caught</title></head></html>'),
    ).toHaveLength(1);
    expect(page(500, '<div id="app"></div><script>window.ignite(window.data);</script>')).toHaveLength(1);
    expect(
      page(500, '<body><div class="Whoops container"><div class="stack-container"></div></div></body>'),
    ).toHaveLength(1);
    expect(page(500, WHITELABEL)[0]!.message).toContain('Whitelabel');
  });

  it('accepts an article about debug mode, a plain error page, and a Whitelabel page without trace', () => {
    const article = html(
      'Blog: five things to check before going live',
      `<p>In Django that means <code>DEBUG = True</code> must become <code>DEBUG = False</code>; with Flask, never run the Werkzeug debugger (<code>app.run(debug=True)</code>) on a public address. Django says "You're seeing this error because you have DEBUG = True in your Django settings file".</p>`,
    );
    expect(page(200, article)).toEqual([]);
    expect(page(500, html('Something went wrong', '<p>Incident reference: 7f3a9c21</p>'))).toEqual([]);
    expect(page(500, WHITELABEL.replace(/<div style[\s\S]*<\/div>/, ''))).toEqual([]);
    expect(page(500, "<h1>Server Error in '/' Application.</h1><h2>Runtime Error</h2>")).toEqual([]);
  });

  it('reads 5 MB pages quickly', () => {
    page(500, HUGE);
    page(500, `Server Error in '${'x'.repeat(5e6)}`);
    page(500, `Whitelabel Error Page ${'at '.repeat(1e6)}`);
  });
});
