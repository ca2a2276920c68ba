// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const express = require('express');
const http = require('node:http');

const app = express();

app.get('/login/callback', (req, res) => {
  // ruleid: sast/js-open-redirect
  res.redirect(req.query.returnTo);
});

app.get('/out', (req, res) => {
  const target = req.query.url;
  // ruleid: sast/js-open-redirect
  res.redirect(302, target);
});

app.get('/lang/:code', (req, res) => {
  // ok: sast/js-open-redirect
  res.redirect('/docs/' + req.params.code + '/index.html');
});

app.get('/search', (req, res) => {
  // ok: sast/js-open-redirect
  res.redirect(`https://www.example.com/search?q=${encodeURIComponent(req.query.q)}`);
});

const PARTNERS = ['https://partner-a.example', 'https://partner-b.example'];
app.get('/partner', (req, res) => {
  const dest = PARTNERS.includes(req.query.to) ? req.query.to : '/';
  // ok: sast/js-open-redirect
  res.redirect(dest);
});

const ROUTES = { billing: '/settings/billing', profile: '/settings/profile' };
app.get('/go', (req, res) => {
  // ok: sast/js-open-redirect
  res.redirect(ROUTES[req.query.page] ?? '/');
});

app.get('/home', (req, res) => {
  // ok: sast/js-open-redirect
  res.redirect('/dashboard');
});

http.createServer((req, res) => {
  const next = new URL(req.url, 'http://localhost').searchParams.get('next');
  // ruleid: sast/js-open-redirect
  res.writeHead(302, { Location: next });
  res.end();
});
