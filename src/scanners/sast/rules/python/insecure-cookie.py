from django.http import JsonResponse
from fastapi import FastAPI, Response
from flask import Flask, make_response, request

app = Flask(__name__)
api = FastAPI()

# ruleid: sast/py-insecure-cookie
SESSION_COOKIE_SECURE = False
# ok: sast/py-insecure-cookie
SESSION_COOKIE_SAMESITE = "Lax"
# ok: sast/py-insecure-cookie
CSRF_COOKIE_HTTPONLY = False

# ruleid: sast/py-insecure-cookie
app.config["SESSION_COOKIE_HTTPONLY"] = False
# ok: sast/py-insecure-cookie
app.config["SESSION_COOKIE_SECURE"] = True
# ruleid: sast/py-insecure-cookie
app.config.update(SECRET_KEY="x", REMEMBER_COOKIE_SECURE=False)


@app.route("/login", methods=["POST"])
def login():
    resp = make_response({"ok": True})
    # ruleid: sast/py-insecure-cookie
    resp.set_cookie("session_token", issue_token(request.form["user"]))
    return resp


def django_login(request):
    response = JsonResponse({"ok": True})
    # ruleid: sast/py-insecure-cookie
    response.set_cookie(key="auth", value="t0k", httponly=True, max_age=3600)
    return response


@api.post("/token")
def token(response: Response):
    # ruleid: sast/py-insecure-cookie
    response.set_cookie("refresh_token", "abc", secure=True)
    # ok: sast/py-insecure-cookie
    response.set_cookie("access_token", "abc", secure=True, httponly=True, samesite="strict")
    return {"ok": True}


@app.route("/theme")
def theme():
    resp = make_response("")
    # ok: sast/py-insecure-cookie
    resp.set_cookie("theme", request.args.get("theme", "light"))
    # ok: sast/py-insecure-cookie
    resp.set_cookie("lang", "en", max_age=31536000)
    return resp


def issue_token(user):
    return user


def test_session_cookie_flags(app, client):
    # ok: sast/py-insecure-cookie
    app.config.update(SERVER_NAME="example.com", SESSION_COOKIE_HTTPONLY=False)
    assert "HttpOnly" not in client.get("/").headers["Set-Cookie"]
