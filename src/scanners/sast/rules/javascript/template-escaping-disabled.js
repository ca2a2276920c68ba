// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const express = require('express');
const Handlebars = require('handlebars');
const { engine } = require('express-handlebars');
const nunjucks = require('nunjucks');
const ejs = require('ejs');
const Mustache = require('mustache');
const fs = require('node:fs');
const _ = require('lodash');

const app = express();

const profileSource = fs.readFileSync('views/profile.hbs', 'utf8');
// ruleid: sast/js-template-escaping-disabled
const profile = Handlebars.compile(profileSource, { noEscape: true });

app.engine(
  'hbs',
  engine({
    extname: '.hbs',
    compilerOptions: {
      strict: true,
      // ruleid: sast/js-template-escaping-disabled
      noEscape: true,
    },
  }),
);

// ruleid: sast/js-template-escaping-disabled
nunjucks.configure('views', { autoescape: false, express: app });

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader('views'), {
  // ruleid: sast/js-template-escaping-disabled
  autoescape: false,
  throwOnUndefined: true,
});

app.get('/card', (req, res) => {
  const html = ejs.render(fs.readFileSync('views/card.ejs', 'utf8'), { user: req.query.user }, {
    // ruleid: sast/js-template-escaping-disabled
    escape: (s) => s,
  });
  res.send(html);
});

const listOptions = {
  cache: true,
  // ruleid: sast/js-template-escaping-disabled
  escape: function (markup) { return markup; },
};

// ruleid: sast/js-template-escaping-disabled
const banner = ejs.compile('<div><%= message %></div>', { escapeFunction: _.identity });

// ruleid: sast/js-template-escaping-disabled
Mustache.escape = function (text) { return text; };

// ruleid: sast/js-template-escaping-disabled
Mustache.escape = (text) => String(text);

const note = Mustache.render('<p>{{ body }}</p>', { body: '<b>hi</b>' }, {}, {
  // ruleid: sast/js-template-escaping-disabled
  escape: (value) => value,
});

// ok: sast/js-template-escaping-disabled
const safeProfile = Handlebars.compile(profileSource, { noEscape: false, strict: true });

// ok: sast/js-template-escaping-disabled
const plainProfile = Handlebars.compile(profileSource);

// ok: sast/js-template-escaping-disabled
nunjucks.configure('views', { autoescape: true, express: app });

// ok: sast/js-template-escaping-disabled
const defaultEnv = new nunjucks.Environment(new nunjucks.FileSystemLoader('views'));

// ok: sast/js-template-escaping-disabled
const textEnv = new nunjucks.Environment(new nunjucks.FileSystemLoader('emails'), { autoescape: false });

const promptTemplates = {
  // ok: sast/js-template-escaping-disabled
  summary: Handlebars.compile('Summarise: {{ text }}', { noEscape: true }),
};

app.get('/list', (req, res) => {
  const html = ejs.render('<ul><% items.forEach(i => { %><li><%= i %></li><% }) %></ul>', { items: [] }, {
    // ok: sast/js-template-escaping-disabled
    escape: (s) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`),
  });
  res.send(html);
});

// ok: sast/js-template-escaping-disabled
Mustache.escape = (text) => he.encode(String(text));

// ok: sast/js-template-escaping-disabled
Mustache.tags = ['<%', '%>'];

// ok: sast/js-template-escaping-disabled
const escapedNames = names.map((s) => s);
