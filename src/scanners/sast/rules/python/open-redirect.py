from django.http import HttpResponseRedirect
from django.shortcuts import redirect as django_redirect
from django.utils.http import url_has_allowed_host_and_scheme
from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from flask import Flask, redirect, request, session, url_for

app = Flask(__name__)
api = FastAPI()


@app.route("/login", methods=["POST"])
def login():
    session["user"] = 1
    next_url = request.args.get("next", "/")
    # ruleid: sast/py-open-redirect
    return redirect(next_url)


@app.route("/out")
def outbound():
    # ruleid: sast/py-open-redirect
    return redirect(request.values["to"], code=302)


def django_logout(request):
    target = request.GET.get("return_to") or "/"
    # ruleid: sast/py-open-redirect
    return HttpResponseRedirect(target)


@api.get("/sso/callback")
def sso_callback(state: str):
    # ruleid: sast/py-open-redirect
    return RedirectResponse(url=state, status_code=303)


@app.route("/go")
def go():
    host = request.args["host"]
    # ruleid: sast/py-open-redirect
    return redirect("https://" + host + "/welcome")


def django_login_safe(request):
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    # ok: sast/py-open-redirect
    return HttpResponseRedirect(target)


@app.route("/login/required")
def login_required_redirect():
    # ok: sast/py-open-redirect
    return redirect(url_for("login", next=request.url))


@app.route("/search")
def search_redirect():
    # ok: sast/py-open-redirect
    return redirect("/results?q=" + request.args.get("q", ""))


@app.route("/items/<int:item_id>/buy")
def buy(item_id):
    # ok: sast/py-open-redirect
    return redirect(f"/items/{item_id}/checkout")


@api.get("/docs-redirect")
def docs_redirect(section: str):
    # ok: sast/py-open-redirect
    return RedirectResponse(f"https://docs.example.com/{section}")


def django_profile(request):
    # ok: sast/py-open-redirect
    return django_redirect("profile", username=request.user.username)


@app.route("/lang")
def lang():
    dest = "/fr" if request.args.get("lang") == "fr" else "/en"
    # ok: sast/py-open-redirect
    return redirect(dest)


SAFE_TARGETS = {"/dashboard", "/settings", "/billing"}


@app.route("/after-login")
def after_login():
    target = request.args.get("next", "/")
    # ok: sast/py-open-redirect
    return redirect(target if target in SAFE_TARGETS else "/dashboard")


@api.get("/sso/v2/callback")
def sso_callback_v2(state: str):
    # ruleid: sast/py-open-redirect
    return RedirectResponse(url=state)


@api.get("/sso/v3/callback")
def sso_callback_v3(state: str):
    # ok: sast/py-open-redirect
    return RedirectResponse(url="/welcome?state=" + state)


from urllib.parse import urlparse


@app.route("/continue")
def continue_to():
    target = request.args.get("to", "/")
    if urlparse(target).netloc not in {"", "shop.example.com"}:
        return redirect("/")
    # ok: sast/py-open-redirect
    return redirect(target)
