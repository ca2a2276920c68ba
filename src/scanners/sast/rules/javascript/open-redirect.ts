// @ts-nocheck -- an annotated rule test: its imports are not installed
// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe

import Koa from 'koa';
import { type NextRequest, NextResponse } from 'next/server';

export async function GET(request: NextRequest) {
  const callbackUrl = request.nextUrl.searchParams.get('callbackUrl') ?? '/';
  // ruleid: sast/js-open-redirect
  return NextResponse.redirect(new URL(callbackUrl, request.url));
}

export async function POST(request: NextRequest) {
  // ok: sast/js-open-redirect
  return NextResponse.redirect(new URL('/login', request.url));
}

const app = new Koa();
app.use(async (ctx) => {
  // ruleid: sast/js-open-redirect
  ctx.redirect(ctx.query.next);
});
app.use(async (ctx) => {
  // ok: sast/js-open-redirect
  ctx.redirect('/welcome');
});
