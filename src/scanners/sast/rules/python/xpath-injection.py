import xml.etree.ElementTree as ET

from django.http import JsonResponse
from fastapi import FastAPI
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
api = FastAPI()
USERS = etree.parse("/srv/app/users.xml")
CATALOG = ET.parse("/srv/app/catalog.xml")
find_user = etree.XPath("//user[@name = $name]")


@app.post("/login")
def login():
    user = request.form["user"]
    password = request.form["password"]
    # ruleid: sast/py-xpath-injection
    nodes = USERS.xpath(f"//user[@name='{user}' and @password='{password}']")
    return jsonify(ok=bool(nodes))


def django_book(request):
    title = request.GET.get("title", "")
    root = CATALOG.getroot()
    # ruleid: sast/py-xpath-injection
    book = root.find(".//book[@title='" + title + "']")
    return JsonResponse({"found": book is not None})


@api.get("/products/{sku}")
def product(sku: str):
    # ruleid: sast/py-xpath-injection
    expr = etree.XPath("//product[@sku='%s']/price/text()" % sku)
    return {"price": expr(USERS)}


@app.route("/v2/login", methods=["POST"])
def login_safe():
    # ok: sast/py-xpath-injection
    nodes = USERS.xpath("//user[@name=$name and @password=$pw]", name=request.form["user"], pw=request.form["password"])
    return jsonify(ok=bool(nodes))


@app.route("/v2/user")
def user_compiled():
    # ok: sast/py-xpath-injection
    nodes = find_user(USERS, name=request.args.get("name", ""))
    return jsonify(found=bool(nodes))


@app.route("/books")
def books():
    limit = int(request.args.get("limit", "10"))
    # ok: sast/py-xpath-injection
    titles = CATALOG.getroot().findall(f".//book[position() <= {limit}]/title")
    return jsonify([t.text for t in titles])


@app.route("/settings")
def settings():
    prefs = {"theme": "dark"}
    # ok: sast/py-xpath-injection
    return jsonify(prefs.get(request.args.get("key", "theme")))


@app.route("/v2/books")
def book_by_title():
    # ruleid: sast/py-xpath-injection
    node = CATALOG.getroot().find(f".//book[@title='{request.args['title']}']")
    return jsonify(found=node is not None)
