import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, html } from '../testing/pages.js';
import { mixedContent } from './mixed-content.js';

const HTTPS = 'https://shop.example.com';
const CHAT = `<iframe src="http://widgets.example.net/chat" title="Chat"></iframe>
<script src="http://cdn.example.net/analytics.js" defer></script>`;
const page = (body: string, url = `${HTTPS}/chat`, csp?: string) =>
  runPassive(
    mixedContent,
    { url, headers: headers(csp ? { 'content-security-policy': csp } : {}), body },
    new URL(url).origin,
  );

describe('dast/mixed-content', () => {
  it('reports active mixed content at medium, passive at low', () => {
    const hits = page(html('Live chat', `${CHAT}<img src="http://img.example.net/logo.png" alt="">`));
    expect(hits.map((h) => h.severity)).toEqual(['medium', 'low']);
    expect(hits[0]!.message).toContain('2 active resources (<iframe>, <script>)');
    expect(hits[0]!.evidence).toBe('<iframe src="http://widgets.example.net/chat">');
    expect(hits[1]!.message).toContain('1 passive resource (<img>)');
  });

  it('treats an http page whose canonical URL is the same page on https as an HTTPS page', () => {
    const url = 'http://127.0.0.1:8080/chat';
    const canonical = html('Live chat', CHAT, '<link rel="canonical" href="https://127.0.0.1:8080/chat">');
    expect(page(canonical, url)).toHaveLength(1);
    const elsewhere = html('Live chat', CHAT, '<link rel="canonical" href="https://www.example.com/chat">');
    expect(page(elsewhere, url)).toEqual([]);
  });

  it('accepts https resources, http anchors, plain-HTTP pages, loopback and upgraded pages', () => {
    const safe = html(
      'Live chat',
      `${CHAT.replaceAll('http://', 'https://')}<p>See our <a href="http://example.net/press">press kit</a>.</p>`,
    );
    expect(page(safe)).toEqual([]);
    expect(page(html('Live chat', CHAT), 'http://shop.example.com/chat')).toEqual([]);
    expect(page(html('Dev', '<script src="http://localhost:35729/livereload.js"></script>'))).toEqual([]);
    expect(
      page(html('Live chat', CHAT), `${HTTPS}/chat`, "default-src 'self'; upgrade-insecure-requests"),
    ).toEqual([]);
  });

  it('survives hostile pages', () => {
    page(HUGE);
    page(
      `<link rel="canonical" href="http://[bad">${'<img src="http://x.example/a.png">'.repeat(20_000)}`,
      'http://x.example/',
    );
  });
});
