// @ts-nocheck -- an annotated rule test: its imports are not installed
// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
import { exec, execFile } from 'node:child_process';
import Koa from 'koa';
import { type NextRequest, NextResponse } from 'next/server';

export async function GET(request: NextRequest) {
  const host = request.nextUrl.searchParams.get('host');
  // ruleid: sast/js-child-process-injection
  exec(`nslookup ${host}`);
  return NextResponse.json({ ok: true });
}

export async function POST(request: Request) {
  const { branch } = await request.json();
  // ruleid: sast/js-child-process-injection
  exec('git fetch origin ' + branch);
  // ok: sast/js-child-process-injection
  execFile('git', ['fetch', 'origin', branch]);
  return Response.json({ ok: true });
}

const app = new Koa();
app.use(async (ctx) => {
  // ruleid: sast/js-child-process-injection
  exec(`convert ${ctx.query.file} out.png`);
  // ok: sast/js-child-process-injection
  exec('convert in.png out.png');
  ctx.body = 'ok';
});

export async function PUT(request: NextRequest) {
  const days = Number(request.nextUrl.searchParams.get('days'));
  // ok: sast/js-child-process-injection
  exec(`find /tmp -mtime +${days} -delete`);
  return NextResponse.json({ ok: true });
}
