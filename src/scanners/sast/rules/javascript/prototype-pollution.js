// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const express = require('express');
const _ = require('lodash');
const { z } = require('zod');

const app = express();
app.use(express.json());
const defaults = { theme: 'light', notifications: { email: true } };

app.put('/settings', (req, res) => {
  // ruleid: sast/js-prototype-pollution
  const settings = _.merge({}, defaults, req.body);
  res.json(settings);
});

app.post('/profile', (req, res) => {
  const profile = {};
  // ruleid: sast/js-prototype-pollution
  _.set(profile, req.body.path, req.body.value);
  res.json(profile);
});

function deepMerge(target, source) {
  for (const key in source) {
    if (typeof source[key] === 'object' && source[key] !== null) {
      if (!target[key]) target[key] = {};
      deepMerge(target[key], source[key]);
    } else {
      target[key] = source[key];
    }
  }
  return target;
}

function safeMerge(target, source) {
  for (const key in source) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (typeof source[key] === 'object' && source[key] !== null) {
      safeMerge((target[key] ??= {}), source[key]);
    } else {
      target[key] = source[key];
    }
  }
  return target;
}

app.post('/preferences', (req, res) => {
  const prefs = {};
  // ruleid: sast/js-prototype-pollution
  deepMerge(prefs, req.body);
  // ok: sast/js-prototype-pollution
  safeMerge(prefs, req.body);
  // ok: sast/js-prototype-pollution
  deepMerge(prefs, { theme: 'dark' });
  res.json(prefs);
});

const Settings = z.object({ theme: z.enum(['light', 'dark']), notifications: z.object({ email: z.boolean() }) });
app.put('/v2/settings', (req, res) => {
  // ok: sast/js-prototype-pollution
  const settings = _.merge({}, defaults, Settings.parse(req.body));
  res.json(settings);
});

app.post('/v2/profile', (req, res) => {
  const profile = {};
  // ok: sast/js-prototype-pollution
  _.set(profile, ['fields', 'nickname'], req.body.nickname);
  res.json(profile);
});

app.post('/counters', (req, res) => {
  const counters = { daily: {}, weekly: {} };
  const period = req.body.period === 'weekly' ? 'weekly' : 'daily';
  // ok: sast/js-prototype-pollution
  counters[period]['hits'] = Number(req.body.hits);
  res.json(counters);
});

app.get('/defaults', (req, res) => {
  // ok: sast/js-prototype-pollution
  res.json(_.merge({}, defaults, { theme: 'dark' }));
});
