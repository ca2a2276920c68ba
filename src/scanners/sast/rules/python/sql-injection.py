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


# --- Django and FastAPI ---------------------------------------------------------------------
from django.db import connection
from django.db.models.expressions import RawSQL
from django.http import JsonResponse
from fastapi import APIRouter, Depends

from shop.models import Article, Customer

router = APIRouter()


def search_articles(request):
    term = request.GET.get("q", "")
    # ruleid: sast/py-sql-injection
    articles = Article.objects.raw("SELECT * FROM shop_article WHERE title LIKE '%%" + term + "%%'")
    return JsonResponse({"ids": [a.id for a in articles]})


def customers_by_region(request):
    region = request.POST["region"]
    # ruleid: sast/py-sql-injection
    qs = Customer.objects.extra(where=[f"region = '{region}'"])
    # ok: sast/py-sql-injection
    safe = Customer.objects.extra(where=["region = %s"], params=[region])
    return JsonResponse({"n": qs.count() + safe.count()})


def annotate_score(request):
    weight = request.GET["weight"]
    # ruleid: sast/py-sql-injection
    qs = Article.objects.annotate(score=RawSQL("likes * %s" % weight, ()))
    # ok: sast/py-sql-injection
    ok = Article.objects.annotate(score=RawSQL("likes * %s", (weight,)))
    return JsonResponse({"n": qs.count() + ok.count()})


def article_stats(request):
    with connection.cursor() as cursor:
        # ruleid: sast/py-sql-injection
        cursor.executemany("UPDATE shop_article SET views = views + 1 WHERE slug = '%s'" % request.GET["slug"], [])
        # ok: sast/py-sql-injection
        cursor.execute("SELECT COUNT(*) FROM shop_article WHERE slug = %s", [request.GET["slug"]])
        return JsonResponse({"n": cursor.fetchone()[0]})


def raw_by_author(request):
    # ok: sast/py-sql-injection
    rows = Article.objects.raw("SELECT * FROM shop_article WHERE author_id = %s", [request.GET["author"]])
    # ok: sast/py-sql-injection
    recent = Article.objects.filter(title__icontains=request.GET["q"])
    return JsonResponse({"n": len(list(rows)) + recent.count()})


@router.get("/users/{username}")
def fastapi_user(username: str, db=Depends(lambda: None)):
    # ruleid: sast/py-sql-injection
    row = db.execute(text(f"SELECT * FROM users WHERE username = '{username}'")).first()
    return dict(row._mapping)


@router.get("/orders/{order_id}")
def fastapi_order(order_id: int, db=Depends(lambda: None)):
    # ok: sast/py-sql-injection
    row = db.execute(text(f"SELECT * FROM orders WHERE id = {order_id}")).first()
    # ok: sast/py-sql-injection
    other = db.execute(text("SELECT * FROM orders WHERE id = :id"), {"id": order_id}).first()
    return dict(row._mapping)


SORTABLE = {"title", "created", "views"}


@router.get("/articles")
def fastapi_sorted(sort: str, db=Depends(lambda: None)):
    if sort not in SORTABLE:
        raise ValueError("unknown sort column")
    # ok: sast/py-sql-injection
    return db.execute(text(f"SELECT * FROM articles ORDER BY {sort}")).all()


@router.get("/v2/articles")
def fastapi_sorted_unchecked(sort: str, db=Depends(lambda: None)):
    if sort in SORTABLE:
        print("known column")
    # ruleid: sast/py-sql-injection
    return db.execute(text(f"SELECT * FROM articles ORDER BY {sort}")).all()
