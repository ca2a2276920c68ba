import sqlite3

import psycopg2
from flask import Flask, jsonify, request
from psycopg2 import sql
from sqlalchemy import create_engine, text

app = Flask(__name__)
conn = psycopg2.connect("dbname=shop")
engine = create_engine("postgresql://localhost/shop")


@app.route("/users")
def users():
    name = request.args.get("name")
    cur = conn.cursor()
    # ruleid: sast/py-sql-injection
    cur.execute(f"SELECT id, email FROM users WHERE name = '{name}'")
    return jsonify(cur.fetchall())


@app.route("/orders")
def orders():
    status = request.args["status"]
    query = "SELECT * FROM orders WHERE status = '%s'" % status
    with conn.cursor() as cur:
        # ruleid: sast/py-sql-injection
        cur.execute(query)
        return jsonify(cur.fetchall())


@app.route("/products", methods=["POST"])
def products():
    body = request.get_json()
    where = "category = '{}'".format(body["category"])
    with engine.connect() as db:
        # ruleid: sast/py-sql-injection
        rows = db.execute(text("SELECT * FROM products WHERE " + where)).fetchall()
    return jsonify([dict(r._mapping) for r in rows])


def find_account(db, email):
    # ruleid: sast/py-sql-injection
    return db.execute("SELECT * FROM accounts WHERE email = '" + email + "'").fetchone()


@app.route("/login", methods=["POST"])
def login():
    db = sqlite3.connect("app.db")
    account = find_account(db, request.form["email"])
    return jsonify(account)


@app.route("/v2/users")
def users_safe():
    cur = conn.cursor()
    # ok: sast/py-sql-injection
    cur.execute("SELECT id, email FROM users WHERE name = %s", (request.args.get("name"),))
    return jsonify(cur.fetchall())


@app.route("/v2/products")
def products_safe():
    with engine.connect() as db:
        # ok: sast/py-sql-injection
        rows = db.execute(text("SELECT * FROM products WHERE category = :c"), {"c": request.args["c"]})
        return jsonify([dict(r._mapping) for r in rows])


@app.route("/page")
def page():
    limit = int(request.args.get("limit", 20))
    cur = conn.cursor()
    # ok: sast/py-sql-injection
    cur.execute(f"SELECT * FROM posts ORDER BY created DESC LIMIT {limit}")
    return jsonify(cur.fetchall())


@app.route("/sorted")
def sorted_posts():
    column = "title" if request.args.get("sort") == "title" else "created"
    cur = conn.cursor()
    # ok: sast/py-sql-injection
    cur.execute("SELECT * FROM posts ORDER BY " + column)
    return jsonify(cur.fetchall())


@app.route("/by-table")
def by_table():
    cur = conn.cursor()
    query = sql.SQL("SELECT * FROM {} WHERE id = %s").format(sql.Identifier(request.args["table"]))
    # ok: sast/py-sql-injection
    cur.execute(query, (request.args["id"],))
    return jsonify(cur.fetchall())


def nightly_report(cur, request_count):
    # ok: sast/py-sql-injection
    cur.execute("INSERT INTO stats (requests) VALUES (%d)" % request_count)
