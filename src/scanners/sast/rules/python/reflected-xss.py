import html
import json

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from flask import Flask, render_template, request
from markupsafe import Markup, escape

app = Flask(__name__)
api = FastAPI()


@app.route("/profile")
def profile():
    bio = request.args.get("bio", "")
    # ruleid: sast/py-reflected-xss
    return render_template("profile.html", bio=Markup(bio))


def django_greet(request):
    name = request.GET.get("name", "")
    # ruleid: sast/py-reflected-xss
    return HttpResponse("<h1>Hello " + name + "</h1>")


def django_comment(request):
    comment = request.POST["comment"]
    # ruleid: sast/py-reflected-xss
    context = {"comment": mark_safe(f"<p>{comment}</p>")}
    return render(request, "comment.html", context)


@api.get("/search", response_class=HTMLResponse)
def search(q: str):
    # ruleid: sast/py-reflected-xss
    return HTMLResponse(content=f"<p>Results for {q}</p>")


@app.route("/v2/profile")
def profile_safe():
    # ok: sast/py-reflected-xss
    return render_template("profile.html", bio=request.args.get("bio", ""))


def django_greet_safe(request):
    # ok: sast/py-reflected-xss
    return HttpResponse(format_html("<h1>Hello {}</h1>", request.GET.get("name", "")))


def django_greet_escaped(request):
    name = html.escape(request.GET.get("name", ""))
    # ok: sast/py-reflected-xss
    return HttpResponse("<h1>Hello " + name + "</h1>")


@app.route("/v3/profile")
def profile_markup():
    # ok: sast/py-reflected-xss
    bio = Markup("<b>{}</b>").format(request.args.get("bio", ""))
    # ok: sast/py-reflected-xss
    title = Markup("<i>%s</i>") % escape(request.args.get("title", ""))
    return render_template("profile.html", bio=bio, title=title)


def django_count(request):
    count = int(request.GET.get("count", "0"))
    # ok: sast/py-reflected-xss
    return HttpResponse(f"<p>{count} items</p>")


@api.get("/v2/search", response_class=HTMLResponse)
def search_safe(q: str):
    # ok: sast/py-reflected-xss
    return HTMLResponse(content=f"<p>Results for {escape(q)}</p>")


from flask import Response, jsonify, make_response


@app.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    # ruleid: sast/py-reflected-xss
    return f"<h1>Hello, {name}!</h1>"


@app.route("/widget.js")
def widget():
    user = request.args.get("user", "anonymous")
    script = "<script>var currentUser = '%s';</script>" % user
    # ruleid: sast/py-reflected-xss
    resp = make_response(script)
    return resp


@app.errorhandler(404)
def not_found(error):
    ref = request.args.get("ref", "")
    body = "<p>Not found (from {})</p>".format(ref)
    # ruleid: sast/py-reflected-xss
    return Response(body, status=404)


@app.route("/v2/hello")
def hello_plain():
    name = request.args.get("name", "guest")
    # ok: sast/py-reflected-xss
    return Response(f"Hello, {name}!", mimetype="text/plain")


@app.route("/v3/hello")
def hello_json():
    # ok: sast/py-reflected-xss
    return make_response(jsonify(greeting="Hello " + request.args.get("name", "guest")))


@app.route("/v4/hello")
def hello_escaped():
    name = escape(request.args.get("name", "guest"))
    # ok: sast/py-reflected-xss
    return f"<h1>Hello, {name}!</h1>"


@app.route("/v5/hello")
def hello_text():
    # ok: sast/py-reflected-xss
    return "Hello " + request.args.get("name", "guest")


def django_echo_text(request):
    # ok: sast/py-reflected-xss
    return HttpResponse(request.GET.get("msg", ""), content_type="text/plain")
