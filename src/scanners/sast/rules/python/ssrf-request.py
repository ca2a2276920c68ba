import urllib.request
from urllib.parse import quote

import httpx
import requests
from django.http import JsonResponse
from fastapi import FastAPI
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
api = FastAPI()
PROVIDERS = {"github": "https://api.github.com", "gitlab": "https://gitlab.com/api/v4"}


@app.route("/preview")
def preview():
    url = request.args.get("url")
    # ruleid: sast/py-ssrf-request
    resp = requests.get(url, timeout=5)
    return resp.text


@app.post("/webhooks/test")
def test_webhook():
    body = request.get_json()
    # ruleid: sast/py-ssrf-request
    r = requests.post(url=body["callback"], json={"ping": True}, timeout=3)
    return jsonify(status=r.status_code)


def django_avatar(request):
    avatar_url = request.POST["avatar_url"]
    # ruleid: sast/py-ssrf-request
    with urllib.request.urlopen(avatar_url) as fh:
        data = fh.read()
    return JsonResponse({"size": len(data)})


@api.get("/proxy")
async def proxy(target: str):
    async with httpx.AsyncClient() as client:
        # ruleid: sast/py-ssrf-request
        resp = await client.get(f"http://{target}/status")
    return resp.json()


@app.route("/repos")
def repos():
    owner = quote(request.args["owner"], safe="")
    # ok: sast/py-ssrf-request
    r = requests.get(f"https://api.github.com/users/{owner}/repos", timeout=5)
    return jsonify(r.json())


@app.route("/provider")
def provider():
    base = PROVIDERS.get("github")
    if request.args.get("provider") == "gitlab":
        base = PROVIDERS["gitlab"]
    # ok: sast/py-ssrf-request
    return requests.get(base + "/version", timeout=5).text


@api.get("/weather")
def weather(city: str):
    # ok: sast/py-ssrf-request
    resp = httpx.get("https://api.weather.example/v1/current", params={"q": city})
    return resp.json()


@app.route("/status")
def status():
    # ok: sast/py-ssrf-request
    r = requests.get(app.config["STATUS_URL"], timeout=2)
    return r.text


@api.get("/items/{item_id}")
def item(item_id: int):
    # ok: sast/py-ssrf-request
    return requests.get("http://inventory:8080/items/" + str(item_id)).json()


@app.route("/v2/webhooks/test", methods=["POST"])
def test_webhook_kw():
    # ruleid: sast/py-ssrf-request
    r = requests.get(url=request.json["callback"])
    # ok: sast/py-ssrf-request
    r2 = requests.get(headers={"X-Trace": request.headers.get("X-Trace", "")}, url="https://status.example.com/")
    return jsonify(status=r.status_code + r2.status_code)


ALLOWED_HOSTS = {"api.github.com", "gitlab.com"}
BILLING_API = "https://billing.internal.example.com/v1"
from urllib.parse import urlparse


@app.route("/v3/fetch")
def fetch_allowed():
    url = request.args["url"]
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
        abort(400)
    # ok: sast/py-ssrf-request
    return requests.get(url, timeout=5, allow_redirects=False).text


@app.route("/customers/<customer_id>/balance")
def balance(customer_id):
    url = f"{BILLING_API}/customers/{quote(customer_id, safe='')}/balance"
    # ok: sast/py-ssrf-request
    return jsonify(requests.get(url, timeout=5).json())


@api.get("/providers/{name}")
async def provider_status(name: str):
    url = PROVIDERS.get(name)
    async with httpx.AsyncClient() as client:
        # ok: sast/py-ssrf-request
        resp = await client.get(url)
    return {"status": resp.status_code}


@app.route("/v4/fetch")
def fetch_checked_elsewhere():
    target = request.args["url"]
    parsed = urlparse(target)
    # ruleid: sast/py-ssrf-request
    return requests.get(target, timeout=5).text if parsed.scheme == "https" else ""


import urllib3

pool = urllib3.PoolManager()


@app.route("/v5/proxy")
def proxy_pool():
    target = request.args.get("target")
    # ruleid: sast/py-ssrf-request
    upstream = pool.request("GET", target, timeout=4.0)
    # ruleid: sast/py-ssrf-request
    other = requests.request("POST", request.args["hook"], json={})
    # ok: sast/py-ssrf-request
    health = pool.request("GET", "https://status.example.com/health", fields={"q": target})
    return upstream.data + other.content + health.data


SLACK_PREFIX = "https://hooks.slack.com/services/"


@app.route("/alerts/webhook", methods=["POST"])
def register_webhook():
    hook = request.json.get("url", "")
    if not hook.startswith(SLACK_PREFIX):
        abort(400)
    # ok: sast/py-ssrf-request
    requests.post(hook, json={"text": "registered"}, timeout=3)
    return jsonify(registered=True)


@app.route("/v2/alerts/webhook", methods=["POST"])
def register_webhook_weak():
    hook = request.json.get("url", "")
    if not hook.startswith("https://"):
        abort(400)
    # ruleid: sast/py-ssrf-request
    requests.post(hook, json={"text": "registered"}, timeout=3)
    return jsonify(registered=True)
