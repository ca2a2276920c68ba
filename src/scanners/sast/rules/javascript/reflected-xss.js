// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const express = require('express');
const http = require('node:http');
const escapeHtml = require('escape-html');
const he = require('he');

const app = express();

app.get('/search', (req, res) => {
  const q = req.query.q;
  // ruleid: sast/js-reflected-xss
  res.send(`<h1>Results for ${q}</h1>`);
});

app.get('/users/:id', async (req, res) => {
  const user = await findUser(req.params.id);
  if (!user) {
    // ruleid: sast/js-reflected-xss
    return res.status(404).send('No user ' + req.params.id);
  }
  res.json(user);
});

app.get('/greet', (req, res) => {
  // ok: sast/js-reflected-xss
  res.send(`<p>Hello ${escapeHtml(req.query.name)}</p>`);
});

app.get('/greet2', (req, res) => {
  // ok: sast/js-reflected-xss
  res.send('<p>Hello ' + he.encode(req.query.name) + '</p>');
});

app.get('/echo', (req, res) => {
  // ok: sast/js-reflected-xss
  res.send({ received: req.query.msg });
});

app.get('/count', (req, res) => {
  const n = parseInt(req.query.n, 10);
  // ok: sast/js-reflected-xss
  res.send(`<p>${n} items</p>`);
});

app.get('/raw', (req, res) => {
  res.type('text/plain');
  // ok: sast/js-reflected-xss
  res.send(req.query.text);
});

app.get('/static', (req, res) => {
  // ok: sast/js-reflected-xss
  res.send('<h1>Welcome</h1>');
});

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  res.writeHead(200, { 'Content-Type': 'text/html' });
  // ruleid: sast/js-reflected-xss
  res.write('<p>You asked for ' + url.searchParams.get('page') + '</p>');
  // ok: sast/js-reflected-xss
  res.end(url.searchParams.get('page') === 'a' ? 'A' : 'B');
}).listen(8080);
