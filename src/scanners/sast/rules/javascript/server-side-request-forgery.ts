// @ts-nocheck -- an annotated rule test: its imports are not installed
// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
import got from 'got';
import { type NextRequest, NextResponse } from 'next/server';

export async function GET(request: NextRequest) {
  const target = request.nextUrl.searchParams.get('target')!;
  // ruleid: sast/js-server-side-request-forgery
  const body = await got(target).text();
  // ok: sast/js-server-side-request-forgery
  const docs = await got(`https://docs.example.com/search?q=${target}`).text();
  return NextResponse.json({ body, docs });
}

export async function POST(request: Request) {
  const { callbackUrl } = await request.json();
  // ruleid: sast/js-server-side-request-forgery
  await fetch(callbackUrl, { method: 'POST' });
  // ok: sast/js-server-side-request-forgery
  await fetch('https://hooks.example.com/notify', { method: 'POST', body: JSON.stringify({ callbackUrl }) });
  return NextResponse.json({ ok: true });
}
