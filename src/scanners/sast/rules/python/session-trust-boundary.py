from django.contrib.auth import authenticate
from django.http import JsonResponse
from flask import Flask, abort, redirect, request, session, url_for
from starlette.requests import Request
from fastapi import FastAPI

app = Flask(__name__)
api = FastAPI()
ALLOWED_LANGS = {"en", "fr", "de"}


@app.route("/login", methods=["POST"])
def login():
    # ruleid: sast/py-session-trust-boundary
    session["username"] = request.form["username"]
    return redirect(url_for("index"))


@app.route("/cart/discount", methods=["POST"])
def discount():
    body = request.get_json()
    # ruleid: sast/py-session-trust-boundary
    session.update(discount_code=body["code"], role=body.get("role"))
    return "", 204


def django_set_role(request):
    role = request.POST.get("role", "viewer")
    # ruleid: sast/py-session-trust-boundary
    request.session["role"] = role
    return JsonResponse({"ok": True})


@api.post("/prefs")
async def prefs(request: Request):
    data = await request.json()
    # ruleid: sast/py-session-trust-boundary
    request.session["theme"] = data["theme"]
    return {"ok": True}


@app.route("/v2/login", methods=["POST"])
def login_db():
    db = get_db()
    user = db.execute("SELECT * FROM user WHERE username = ?", (request.form["username"],)).fetchone()
    if user is None:
        abort(401)
    session.clear()
    # ok: sast/py-session-trust-boundary
    session["user_id"] = user["id"]
    return redirect(url_for("index"))


@app.route("/lang", methods=["POST"])
def set_lang():
    lang = request.form.get("lang", "en")
    # ok: sast/py-session-trust-boundary
    session["lang"] = lang if lang in ALLOWED_LANGS else "en"
    return redirect(url_for("index"))


@app.route("/page-size")
def page_size():
    # ok: sast/py-session-trust-boundary
    session["page_size"] = int(request.args.get("size", "20"))
    return "", 204


def django_login(request):
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    if user is None:
        return JsonResponse({"ok": False}, status=401)
    # ok: sast/py-session-trust-boundary
    request.session["uid"] = user.pk
    return JsonResponse({"ok": True})


def django_form(request):
    form = ProfileForm(request.POST)
    if form.is_valid():
        # ok: sast/py-session-trust-boundary
        request.session["nickname"] = form.cleaned_data["nickname"]
    return JsonResponse({"ok": form.is_valid()})


def get_db():
    return None


class ProfileForm:
    def __init__(self, data):
        self.cleaned_data = {}
