// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const express = require('express');
const path = require('node:path');
const fs = require('node:fs');
const ejs = require('ejs');
const pug = require('pug');
const Handlebars = require('handlebars');
const nunjucks = require('nunjucks');
const Mustache = require('mustache');
const _ = require('lodash');
const Template = require('./models/template');

const app = express();
app.use(express.json());

const env = nunjucks.configure('views', { autoescape: true, express: app });
const GREETING = '<h1>Hello <%= name %></h1>';
const VIEWS = { profile: 'users/profile', settings: 'users/settings' };
const PAGES = ['about', 'contact', 'faq'];

app.post('/preview', (req, res) => {
  const { template, data } = req.body;
  // ruleid: sast/js-template-injection
  const html = ejs.render(template, data);
  res.send(html);
});

app.get('/greet', (req, res) => {
  // ruleid: sast/js-template-injection
  const fn = ejs.compile(`<h1>Hello ${req.query.name}</h1>`);
  res.send(fn({}));
});

app.post('/cards', (req, res) => {
  // ruleid: sast/js-template-injection
  const card = Handlebars.compile(req.body.layout);
  res.send(card({ title: 'Card' }));
});

app.get('/badge', (req, res) => {
  const source = 'p Welcome, ' + req.query.user;
  // ruleid: sast/js-template-injection
  res.send(pug.render(source));
});

app.get('/pug', (req, res) => {
  // ruleid: sast/js-template-injection
  const fn = pug.compile(req.query.tpl, { pretty: true });
  res.send(fn());
});

app.post('/mail/preview', (req, res) => {
  // ruleid: sast/js-template-injection
  const body = nunjucks.renderString(req.body.subject, { user: req.user });
  res.send(body);
});

app.post('/mail/preview2', (req, res) => {
  // ruleid: sast/js-template-injection
  res.send(env.renderString(req.body.text, {}));
});

app.get('/lodash', (req, res) => {
  // ruleid: sast/js-template-injection
  const compiled = _.template('Hello ' + req.query.name + '!');
  res.send(compiled({}));
});

app.get('/mustache', (req, res) => {
  // ruleid: sast/js-template-injection
  res.send(Mustache.render(req.query.tpl, { site: 'shop' }));
});

app.get('/page/:name', (req, res) => {
  // ruleid: sast/js-template-injection
  res.render(req.params.name, { user: req.user });
});

app.get('/docs/*', (req, res) => {
  const view = `docs/${req.params[0]}`;
  // ruleid: sast/js-template-injection
  res.render(view);
});

app.get('/banner', (req, res) => {
  res.render('home', {
    // ruleid: sast/js-template-injection
    banner: new Handlebars.SafeString(req.query.msg),
  });
});

// Safe: the request data is template data, the template is constant

app.get('/hello', (req, res) => {
  // ok: sast/js-template-injection
  res.send(ejs.render(GREETING, { name: req.query.name }));
});

app.get('/hello2', (req, res) => {
  // ok: sast/js-template-injection
  res.send(Mustache.render('<p>Hi {{ name }}</p>', { name: req.query.name }));
});

app.get('/hello3', (req, res) => {
  // ok: sast/js-template-injection
  res.send(nunjucks.renderString('Hi {{ name }}', { name: req.query.name }));
});

app.get('/hello4', (req, res) => {
  const tpl = Handlebars.compile('<p>{{ name }}</p>');
  // ok: sast/js-template-injection
  res.send(tpl({ name: req.query.name }));
});

app.get('/profile', (req, res) => {
  // ok: sast/js-template-injection
  res.render('profile', { name: req.query.name, tab: req.query.tab });
});

app.get('/view/:name', (req, res) => {
  const view = VIEWS[req.params.name];
  if (!view) return res.status(404).end();
  // ok: sast/js-template-injection
  res.render(view, { name: req.query.name });
});

app.get('/static/:page', (req, res) => {
  const page = PAGES.includes(req.params.page) ? req.params.page : 'about';
  // ok: sast/js-template-injection
  res.render(page);
});

app.get('/static2/:page', (req, res) => {
  const page = req.params.page;
  if (!PAGES.includes(page)) return res.sendStatus(404);
  // ok: sast/js-template-injection
  res.render(`static/${page}`);
});

app.get('/article/:slug', (req, res) => {
  // ok: sast/js-template-injection
  res.render(path.basename(req.params.slug));
});

app.get('/report/:kind', (req, res) => {
  const source = fs.readFileSync(path.join(__dirname, 'reports', 'monthly.ejs'), 'utf8');
  // ok: sast/js-template-injection
  res.send(ejs.render(source, { kind: req.params.kind }));
});

app.get('/campaign/:id', async (req, res) => {
  const stored = await Template.findById(req.params.id);
  // ok: sast/js-template-injection
  const render = Handlebars.compile(stored.body);
  res.send(render({ name: req.query.name }));
});

app.get('/motd', (req, res) => {
  res.render('home', {
    // ok: sast/js-template-injection
    banner: new Handlebars.SafeString(`<b>${Handlebars.escapeExpression(req.query.msg)}</b>`),
  });
});

app.get('/count', (req, res) => {
  const n = parseInt(req.query.n, 10);
  // ok: sast/js-template-injection
  res.send(ejs.render(`<p>${n} items</p>`, {}));
});
