// @ts-nocheck -- an annotated rule test: its imports are not installed
// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe

import Router from '@koa/router';
import * as ejs from 'ejs';
import { Eta } from 'eta';
import Fastify from 'fastify';
import Handlebars from 'handlebars';
import Koa from 'koa';
import { NextRequest, NextResponse } from 'next/server';
import nunjucks from 'nunjucks';

const eta = new Eta({ views: 'views' });
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader('views'));
const LAYOUTS: Record<string, string> = { plain: '<main>{{ body }}</main>', framed: '<div>{{ body }}</div>' };
const ALLOWED_VIEWS = new Set(['home', 'about']);

interface Ctx {
  name: string;
}

export async function POST(request: NextRequest) {
  const { layout, name } = await request.json();
  // ruleid: sast/js-template-injection
  const render = Handlebars.compile<Ctx>(layout);
  return new NextResponse(render({ name }), { headers: { 'content-type': 'text/html' } });
}

export async function PUT(request: NextRequest) {
  const { layout, name } = await request.json();
  // ok: sast/js-template-injection
  const render = Handlebars.compile<Ctx>(LAYOUTS[layout] ?? LAYOUTS.plain);
  return new NextResponse(render({ name }), { headers: { 'content-type': 'text/html' } });
}

const router = new Router();

router.get('/pages/:page', async (ctx) => {
  // ruleid: sast/js-template-injection
  await ctx.render(ctx.params.page, { user: ctx.state.user });
});

router.post('/snippet', async (ctx) => {
  const body = ctx.request.body as { source: string };
  // ruleid: sast/js-template-injection
  const tpl = new nunjucks.Template(body.source, env);
  ctx.body = tpl.render({});
});

router.post('/snippet2', async (ctx) => {
  const body = ctx.request.body as { source: string };
  // ruleid: sast/js-template-injection
  ctx.body = eta.renderString(body.source, { user: ctx.state.user });
});

router.get('/about', async (ctx) => {
  // ok: sast/js-template-injection
  await ctx.render('about', { q: ctx.query.q });
});

router.get('/home/:view', async (ctx) => {
  const view = ctx.params.view;
  if (!ALLOWED_VIEWS.has(view)) {
    ctx.status = 404;
    return;
  }
  // ok: sast/js-template-injection
  await ctx.render(view);
});

new Koa().use(router.routes());

const app = Fastify();

app.get<{ Querystring: { theme: string } }>('/theme', async (request, reply) => {
  // ruleid: sast/js-template-injection
  return reply.view(`themes/${request.query.theme}.ejs`, { title: 'Theme' });
});

app.post<{ Body: { header: string } }>('/header', async (request, reply) => {
  // ruleid: sast/js-template-injection
  const html = ejs.render(request.body.header, { title: 'Header' }, { async: false });
  reply.type('text/html').send(html);
});

app.get<{ Querystring: { title: string } }>('/index', async (request, reply) => {
  // ok: sast/js-template-injection
  return reply.view('index.ejs', { title: request.query.title });
});

app.get<{ Querystring: { title: string } }>('/index2', async (request, reply) => {
  // ok: sast/js-template-injection
  const html = env.renderString('<h1>{{ title }}</h1>', { title: request.query.title });
  reply.type('text/html').send(html);
});
