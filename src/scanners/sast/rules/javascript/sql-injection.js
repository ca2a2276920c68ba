// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const express = require('express');
const { Pool } = require('pg');
const mysql = require('mysql');

const pool = new Pool();
const connection = mysql.createConnection({ host: 'db', user: 'app' });
const app = express();

app.get('/users/:id', async (req, res) => {
  // ruleid: sast/js-sql-injection
  const { rows } = await pool.query('SELECT * FROM users WHERE id = ' + req.params.id);
  res.json(rows);
});

app.get('/search', (req, res) => {
  const term = req.query.q;
  const sql = `SELECT id, name FROM products WHERE name LIKE '%${term}%'`;
  // ruleid: sast/js-sql-injection
  connection.query(sql, (err, results) => res.json(results));
});

app.post('/orders', async (req, res) => {
  const client = await pool.connect();
  let where = 'status = ';
  where += "'" + req.body.status + "'";
  // ruleid: sast/js-sql-injection
  const result = await client.query({ text: 'SELECT * FROM orders WHERE ' + where, rowMode: 'array' });
  client.release();
  res.json(result.rows);
});

function findByEmail(db, email) {
  // ruleid: sast/js-sql-injection
  return db.query(`SELECT * FROM accounts WHERE email = '${email}'`);
}

app.post('/login', async (req, res) => {
  const account = await findByEmail(pool, req.body.email);
  res.json(account.rows[0] ?? null);
});

app.get('/v2/users/:id', async (req, res) => {
  // ok: sast/js-sql-injection
  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]);
  res.json(rows);
});

app.get('/v2/search', (req, res) => {
  // ok: sast/js-sql-injection
  connection.query('SELECT id FROM products WHERE name LIKE ?', [`%${req.query.q}%`], (err, r) => res.json(r));
});

app.get('/v2/orders', async (req, res) => {
  // ok: sast/js-sql-injection
  const result = await pool.query({ text: 'SELECT * FROM orders WHERE status = $1', values: [req.query.status] });
  res.json(result.rows);
});

app.get('/page', async (req, res) => {
  const limit = parseInt(req.query.limit, 10) || 20;
  // ok: sast/js-sql-injection
  const { rows } = await pool.query(`SELECT * FROM posts ORDER BY created DESC LIMIT ${limit}`);
  res.json(rows);
});

app.get('/sorted', async (req, res) => {
  const column = req.query.sort === 'name' ? 'name' : 'created_at';
  // ok: sast/js-sql-injection
  const { rows } = await pool.query(`SELECT * FROM posts ORDER BY ${column}`);
  res.json(rows);
});

app.get('/escaped', (req, res) => {
  const name = connection.escape(req.query.name);
  // ok: sast/js-sql-injection
  connection.query('SELECT * FROM users WHERE name = ' + name, (err, r) => res.json(r));
});

app.get('/report', async (req, res) => {
  const query = 'SELECT count(*) FROM visits WHERE day = current_date';
  // ok: sast/js-sql-injection
  const { rows } = await pool.query(query);
  res.json({ visits: rows[0].count, filter: req.query.filter });
});
