// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const express = require('express');
const axios = require('axios');
const https = require('node:https');

const app = express();
app.use(express.json());

app.get('/preview', async (req, res) => {
  // ruleid: sast/js-server-side-request-forgery
  const page = await fetch(req.query.url);
  res.send(await page.text());
});

app.post('/webhooks/test', async (req, res) => {
  const { endpoint } = req.body;
  // ruleid: sast/js-server-side-request-forgery
  await axios.post(endpoint, { ping: true });
  res.sendStatus(204);
});

app.get('/proxy', (req, res) => {
  // ruleid: sast/js-server-side-request-forgery
  https.get(`https://${req.query.host}/status`, (upstream) => upstream.pipe(res));
});

app.get('/image', async (req, res) => {
  // ruleid: sast/js-server-side-request-forgery
  const r = await axios({ url: req.query.src, responseType: 'stream' });
  r.data.pipe(res);
});

app.get('/users/:id/repos', async (req, res) => {
  // ok: sast/js-server-side-request-forgery
  const r = await fetch(`https://api.github.com/users/${encodeURIComponent(req.params.id)}/repos`);
  res.json(await r.json());
});

app.get('/weather', async (req, res) => {
  // ok: sast/js-server-side-request-forgery
  const r = await axios.get('https://api.weather.example/v1/forecast?city=' + req.query.city);
  res.json(r.data);
});

const FEEDS = ['https://blog.example.com/rss', 'https://news.example.com/rss'];
app.get('/feed', async (req, res) => {
  const feed = FEEDS.includes(req.query.feed) ? req.query.feed : FEEDS[0];
  // ok: sast/js-server-side-request-forgery
  const r = await fetch(feed);
  res.type('application/xml').send(await r.text());
});

app.get('/health', async (req, res) => {
  // ok: sast/js-server-side-request-forgery
  const r = await fetch(process.env.UPSTREAM_URL + '/health');
  res.json({ upstream: r.ok, asked: req.query.verbose });
});

const API_BASE = process.env.API_BASE ?? 'https://api.internal.example';
app.get('/orders/:id', async (req, res) => {
  // ok: sast/js-server-side-request-forgery
  const r = await fetch(`${API_BASE}/orders/${encodeURIComponent(req.params.id)}`);
  // ok: sast/js-server-side-request-forgery
  const items = await axios.get(process.env.ITEMS_URL + '/by-order/' + req.params.id);
  res.json({ order: await r.json(), items: items.data });
});

app.get('/relay', async (req, res) => {
  // ruleid: sast/js-server-side-request-forgery
  const r = await fetch(`${req.query.base}/status`);
  res.json(await r.json());
});
