// @ts-nocheck -- an annotated rule test: its imports are not installed
// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe

import escapeHtml from 'escape-html';
import Fastify from 'fastify';
import Koa from 'koa';

const app = new Koa();
app.use(async (ctx) => {
  // ruleid: sast/js-reflected-xss
  ctx.body = `<div>${ctx.query.msg}</div>`;
});

app.use(async (ctx) => {
  // ok: sast/js-reflected-xss
  ctx.body = `<div>${escapeHtml(String(ctx.query.msg))}</div>`;
});

const fastify = Fastify();
fastify.get('/hello', async (request, reply) => {
  // ruleid: sast/js-reflected-xss
  return reply.type('text/html').send(`<b>${request.query.name}</b>`);
});

fastify.get('/hello-text', async (request, reply) => {
  // ok: sast/js-reflected-xss
  return reply.send(`Hello ${request.query.name}`);
});
