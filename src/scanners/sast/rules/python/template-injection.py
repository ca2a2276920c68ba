import jinja2
from django.http import HttpResponse
from django.template import Context, Template
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from flask import Flask, render_template, render_template_string, request

app = Flask(__name__)
api = FastAPI()
env = jinja2.Environment(autoescape=True)
PAGE = "<h1>Hello {{ name }}</h1>"


@app.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    # ruleid: sast/py-template-injection
    return render_template_string("<h1>Hello " + name + "</h1>")


@app.errorhandler(404)
def not_found(error):
    page = """<h1>Not found</h1><p>%s was not found</p>""" % request.url
    return page, 404


@app.route("/preview", methods=["POST"])
def preview():
    body = request.get_json()
    # ruleid: sast/py-template-injection
    tmpl = env.from_string(body["template"])
    return tmpl.render(user="demo")


def django_banner(request):
    text = request.GET.get("banner", "")
    # ruleid: sast/py-template-injection
    t = Template(f"<div class='banner'>{text}</div>")
    return HttpResponse(t.render(Context({})))


@api.get("/greet", response_class=HTMLResponse)
def greet(who: str):
    # ruleid: sast/py-template-injection
    return jinja2.Template("Hi " + who).render()


@app.route("/v2/hello")
def hello_safe():
    # ok: sast/py-template-injection
    return render_template_string(PAGE, name=request.args.get("name", "guest"))


@app.route("/v3/hello")
def hello_file():
    # ok: sast/py-template-injection
    return render_template("hello.html", name=request.args.get("name"))


def django_banner_safe(request):
    t = Template("<div class='banner'>{{ text }}</div>")
    # ok: sast/py-template-injection
    return HttpResponse(t.render(Context({"text": request.GET.get("banner", "")})))


@api.get("/v2/greet", response_class=HTMLResponse)
def greet_safe(who: str):
    # ok: sast/py-template-injection
    return env.from_string("Hi {{ who }}").render(who=who)


def mail_subject(request):
    from string import Template as StringTemplate
    # ok: sast/py-template-injection
    return StringTemplate("Order $order shipped").substitute(order=request.GET["order"])
