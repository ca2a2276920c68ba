// @ts-nocheck -- an annotated rule test: its imports are not installed
// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
import type { Request, Response } from 'express';
import { Pool } from 'pg';
import { Sequelize } from 'sequelize';

const db = new Pool();
const sequelize = new Sequelize('postgres://localhost/app');

interface Filter {
  owner?: string;
}

export async function listInvoices(req: Request, res: Response): Promise<void> {
  const filter: Filter = { owner: req.query.owner as string };
  // ruleid: sast/js-sql-injection
  const rows = await sequelize.query(`SELECT * FROM invoices WHERE owner = '${filter.owner!}'`);
  res.json(rows);
}

export async function invoice(req: Request, res: Response): Promise<void> {
  const id = req.params.id;
  // ruleid: sast/js-sql-injection
  const result = await db.query<{ total: number }>('SELECT total FROM invoices WHERE id = ' + id);
  res.json(result.rows);
}

export async function invoiceSafe(req: Request, res: Response): Promise<void> {
  // ok: sast/js-sql-injection
  const result = await db.query<{ total: number }>('SELECT total FROM invoices WHERE id = $1', [req.params.id]);
  res.json(result.rows);
}

export async function countSafe(req: Request, res: Response): Promise<void> {
  const year: number = Number.parseInt(String(req.query.year), 10);
  // ok: sast/js-sql-injection
  const rows = await sequelize.query(`SELECT count(*) FROM invoices WHERE year = ${year}`);
  res.json(rows);
}

