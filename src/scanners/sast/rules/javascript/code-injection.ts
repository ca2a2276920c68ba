// @ts-nocheck -- an annotated rule test: its imports are not installed
// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
import vm from 'node:vm';
import { type NextRequest, NextResponse } from 'next/server';

export async function POST(request: NextRequest) {
  const { formula } = await request.json();
  // ruleid: sast/js-code-injection
  const value = vm.runInNewContext(formula, { Math });
  // ok: sast/js-code-injection
  const fixed = vm.runInNewContext('Math.max(a, b)', { Math, a: 1, b: Number(formula) });
  return NextResponse.json({ value, fixed });
}

export async function GET(request: NextRequest) {
  const expr = request.nextUrl.searchParams.get('expr') ?? '0';
  // ruleid: sast/js-code-injection
  return NextResponse.json({ result: eval(expr) });
}

export async function PUT(request: NextRequest) {
  // ok: sast/js-code-injection
  return NextResponse.json({ result: JSON.parse(await request.text()) });
}
