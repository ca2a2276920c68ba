import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, html } from '../testing/pages.js';
import { stackTrace } from './stack-trace.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (status: number, body: string, contentType = 'text/html; charset=utf-8') =>
  runPassive(stackTrace, { status, headers: headers({ 'content-type': contentType }), body });

const JAVA = `java.lang.NullPointerException: Cannot invoke "com.example.shop.Cart.total()" because "cart" is null
	at com.example.shop.web.CheckoutController.summary(CheckoutController.java:87)
	at java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)
	at org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:205)`;
const PYTHON = `Traceback (most recent call last):
  File "/srv/shop/app/views.py", line 42, in checkout
    total = cart.total()
  File "/srv/shop/app/cart.py", line 17, in total
AttributeError: 'NoneType' object has no attribute 'price'`;
const NODE = `TypeError: Cannot read properties of undefined (reading 'total')
    at summary (/srv/shop/src/checkout.js:87:23)
    at Layer.handle [as handle_request] (/srv/shop/node_modules/express/lib/router/layer.js:95:5)
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`;
const DOTNET = `System.NullReferenceException: Object reference not set to an instance of an object.
   at Shop.Web.Controllers.CartController.Summary(Int32 id) in C:\\src\\Shop.Web\\Controllers\\CartController.cs:line 42
   at lambda_method(Closure , Object , Object[] )
   at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.Execute(IActionResultTypeMapper mapper)`;
const RUBY = `NoMethodError (undefined method 'price' for nil:NilClass):
app/models/cart.rb:17:in 'total'
app/controllers/checkout_controller.rb:8:in 'show'`;
const GO = `panic: runtime error: invalid memory address or nil pointer dereference
goroutine 1 [running]:
main.handler(0xc0000a2000)
	/srv/shop/main.go:42 +0x1d`;

describe('dast/stack-trace', () => {
  it.each([
    ['Java', JAVA],
    ['Python', PYTHON],
    ['Node.js', NODE],
    ['.NET', DOTNET],
    ['Ruby', RUBY],
    ['Go', GO],
  ])('reports a %s trace on a 500 page', (language, trace) => {
    const hits = page(500, html('Internal Server Error', `<pre>${escapeHtml(trace)}</pre>`));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).toContain(`a ${language} stack trace`);
    expect(hits[0]!.evidence!.length).toBeLessThanOrEqual(200);
  });

  it('reports traces in text/plain and JSON bodies, and a PHP error line', () => {
    expect(page(500, NODE, 'text/plain')).toHaveLength(1);
    expect(page(500, JSON.stringify({ error: 'TypeError', stack: NODE }), 'application/json')).toHaveLength(
      1,
    );
    const php =
      '<br />\n<b>Fatal error</b>:  Uncaught Error: Call to a member function total() on null in <b>/var/www/html/cart.php</b> on line <b>3</b><br />';
    expect(page(200, php)[0]!.message).toContain('PHP');
  });

  it('reports a trace outside code blocks on a 2xx page', () => {
    expect(page(200, html('Checkout', `<div class="error">${escapeHtml(JAVA)}</div>`))).toHaveLength(1);
  });

  it('accepts a help article that names exceptions and quotes the traceback header', () => {
    const article = html(
      'Help: reading a stack trace',
      '<p>A Python report begins with the words "Traceback (most recent call last)", then names, for each frame, the file. A Java report names the exception class, such as NullPointerException or IllegalStateException.</p>',
    );
    expect(page(200, article)).toEqual([]);
  });

  it('accepts example traces inside <pre>/<code> on 2xx documentation, and single quoted frames', () => {
    expect(
      page(200, html('Debugging guide', `<p>You will see:</p><pre><code>${escapeHtml(PYTHON)}</code></pre>`)),
    ).toEqual([]);
    expect(page(200, html('Tips', '<p>A frame looks like at com.foo.Bar(Bar.java:42).</p>'))).toEqual([]);
    expect(page(500, html('Error', '<p>An exception occurred: java.lang.NullPointerException</p>'))).toEqual(
      [],
    );
  });

  it('does not read scripts or binary bodies', () => {
    expect(page(200, NODE, 'application/javascript')).toEqual([]);
    expect(
      page(500, Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(NODE)]) as unknown as string, ''),
    ).toEqual([]);
  });

  it('stays linear on hostile bodies', () => {
    const bodies = [
      HUGE,
      'at '.repeat(1_500_000),
      `at a${'.b'.repeat(1_000_000)}`,
      'File "'.repeat(500_000),
      '<pre>'.repeat(500_000),
      'Warning: '.repeat(300_000),
      `at x (/${'a'.repeat(2_000_000)}`,
      '#0 '.repeat(1_000_000),
      '<'.repeat(3_000_000),
    ];
    for (const body of bodies) {
      page(500, body);
      page(200, body);
    }
  });
});
