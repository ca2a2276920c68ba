// @ts-nocheck -- an annotated rule test: its imports are not installed
// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe

import { PrismaClient } from '@prisma/client';
import Database from 'better-sqlite3';
import type { Request, Response } from 'express';
import knexFactory from 'knex';
import { type NextRequest, NextResponse } from 'next/server';

const prisma = new PrismaClient();
const sqlite = new Database('app.db');
const knex = knexFactory({ client: 'pg' });

export async function GET(request: NextRequest) {
  const tag = request.nextUrl.searchParams.get('tag');
  // ruleid: sast/js-sql-injection
  const posts = await prisma.$queryRawUnsafe(`SELECT * FROM "Post" WHERE tag = '${tag}'`);
  // ok: sast/js-sql-injection
  const safe = await prisma.$queryRaw`SELECT * FROM "Post" WHERE tag = ${tag}`;
  // ok: sast/js-sql-injection
  const alsoSafe = await prisma.$queryRawUnsafe('SELECT * FROM "Post" WHERE tag = $1', tag);
  return NextResponse.json({ posts, safe, alsoSafe });
}

export async function DELETE(request: Request, context: { params: { id: string } }) {
  // ruleid: sast/js-sql-injection
  await prisma.$executeRawUnsafe('DELETE FROM "Post" WHERE id = ' + context.params.id);
  return new Response(null, { status: 204 });
}

export function notes(req: Request, res: Response): void {
  // ruleid: sast/js-sql-injection
  const rows = sqlite.prepare(`SELECT * FROM notes WHERE title = '${req.query.title}'`).all();
  // ok: sast/js-sql-injection
  const safeRows = sqlite.prepare('SELECT * FROM notes WHERE title = ?').all(req.query.title);
  res.json({ rows, safeRows });
}

export async function people(req: Request, res: Response): Promise<void> {
  // ruleid: sast/js-sql-injection
  const rows = await knex('people').whereRaw(`name = '${req.query.name}'`);
  // ok: sast/js-sql-injection
  const safeRows = await knex('people').whereRaw('name = ?', [req.query.name]);
  res.json({ rows, safeRows });
}
