// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const express = require('express');
const escapeStringRegexp = require('escape-string-regexp');
const _ = require('lodash');
const Product = require('./models/product');

const app = express();

app.get('/search', (req, res) => {
  // ruleid: sast/js-regex-injection
  const re = new RegExp(req.query.q, 'i');
  res.json(products.filter((p) => re.test(p.name)));
});

app.get('/validate', (req, res) => {
  const { pattern, value } = req.body;
  // ruleid: sast/js-regex-injection
  res.json({ ok: RegExp('^' + pattern + '$').test(value) });
});

app.get('/products', async (req, res) => {
  // ruleid: sast/js-regex-injection
  res.json(await Product.find({ name: { $regex: req.query.name, $options: 'i' } }));
});

app.get('/v2/search', (req, res) => {
  // ok: sast/js-regex-injection
  const re = new RegExp(escapeStringRegexp(req.query.q), 'i');
  res.json(products.filter((p) => re.test(p.name)));
});

app.get('/v3/search', (req, res) => {
  // ok: sast/js-regex-injection
  const re = new RegExp(_.escapeRegExp(req.query.q), 'i');
  res.json(products.filter((p) => re.test(p.name)));
});

app.get('/v4/search', async (req, res) => {
  const safe = String(req.query.q).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // ok: sast/js-regex-injection
  res.json(await Product.find({ name: { $regex: safe, $options: 'i' } }));
});

app.get('/slug', (req, res) => {
  // ok: sast/js-regex-injection
  const re = new RegExp('^[a-z0-9-]+$');
  res.json({ ok: re.test(req.query.slug) });
});

app.get('/contains', (req, res) => {
  // ok: sast/js-regex-injection
  res.json(products.filter((p) => p.name.toLowerCase().includes(String(req.query.q).toLowerCase())));
});
