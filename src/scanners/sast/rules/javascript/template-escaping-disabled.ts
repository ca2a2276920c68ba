// @ts-nocheck -- an annotated rule test: its imports are not installed
// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe

import { readFileSync } from 'node:fs';
import * as ejs from 'ejs';
import { Eta } from 'eta';
import express from 'express';
import { create } from 'express-handlebars';
import Handlebars from 'handlebars';
import nunjucks from 'nunjucks';

const app = express();

const hbs = create({
  defaultLayout: 'main',
  // ruleid: sast/js-template-escaping-disabled
  compilerOptions: { noEscape: true },
});
app.engine('handlebars', hbs.engine);

export const env: nunjucks.Environment = nunjucks.configure('views', {
  express: app,
  // ruleid: sast/js-template-escaping-disabled
  'autoescape': false,
});

// ruleid: sast/js-template-escaping-disabled
const eta = new Eta({ views: 'views', autoEscape: false });

const ejsOptions: ejs.Options = {
  rmWhitespace: true,
  // ruleid: sast/js-template-escaping-disabled
  escape: (markup: string): string => markup,
};

export function renderInvoice(data: Record<string, unknown>): string {
  return ejs.render(readFileSync('views/invoice.ejs', 'utf8'), data, {
    // ruleid: sast/js-template-escaping-disabled
    escape: function (value: unknown) { return String(value); },
  });
}

// ok: sast/js-template-escaping-disabled
const safeEta = new Eta({ views: 'views', autoEscape: true });

// ok: sast/js-template-escaping-disabled
const page = Handlebars.compile<{ name: string }>('<h1>{{ name }}</h1>', { strict: true });

// ok: sast/js-template-escaping-disabled
const codegenTemplate = Handlebars.compile('export const {{ name }} = {{ value }};', { noEscape: true });

export const markdownEnv = new nunjucks.Environment(null, {
  // ok: sast/js-template-escaping-disabled
  autoescape: false,
});

const safeOptions: ejs.Options = {
  // ok: sast/js-template-escaping-disabled
  escape: (markup: string): string => markup.replace(/</g, '&lt;'),
};

export class CodeReviewAgent {
  protected async generatePrompt(files: string[]): Promise<string> {
    // ok: sast/js-template-escaping-disabled
    nunjucks.configure({ autoescape: false });
    return nunjucks.renderString('Review {% for f in files %}{{ f }} {% endfor %}', { files });
  }
}
