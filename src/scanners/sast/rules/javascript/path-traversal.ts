// @ts-nocheck -- an annotated rule test: its imports are not installed
// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type NextRequest, NextResponse } from 'next/server';

const DOCS = path.join(process.cwd(), 'docs');

export async function GET(request: NextRequest) {
  const slug = request.nextUrl.searchParams.get('slug') ?? 'index';
  // ruleid: sast/js-path-traversal
  const text = await readFile(path.join(DOCS, `${slug}.md`), 'utf8');
  return NextResponse.json({ text });
}

export async function POST(request: Request) {
  const form = await request.formData();
  const name = form.get('name') as string;
  // ruleid: sast/js-path-traversal
  await writeFile(path.join(DOCS, name), 'draft');
  // ok: sast/js-path-traversal
  await writeFile(path.join(DOCS, path.basename(name)), 'draft');
  return NextResponse.json({ ok: true });
}

export async function PUT() {
  // ok: sast/js-path-traversal
  const text = await readFile(path.join(DOCS, 'index.md'), 'utf8');
  return NextResponse.json({ text });
}
