import os
import shlex
import subprocess

from flask import Flask, abort, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host")
    # ruleid: sast/py-subprocess-shell-injection
    out = subprocess.check_output(f"ping -c 1 {host}", shell=True)
    return out


@app.route("/convert", methods=["POST"])
def convert():
    name = request.form["name"]
    cmd = "convert %s out.png" % name
    # ruleid: sast/py-subprocess-shell-injection
    os.system(cmd)
    return "ok"


def archive(path):
    command = "tar czf backup.tgz " + path
    # ruleid: sast/py-subprocess-shell-injection
    return subprocess.run(command, shell=True, capture_output=True)


@app.route("/backup", methods=["POST"])
def backup():
    data = request.get_json()
    archive(data["path"])
    return "started"


@app.route("/grep")
def grep():
    args = ["grep", "-r"]
    args.append(request.args["pattern"])
    # ruleid: sast/py-subprocess-shell-injection
    stream = os.popen(" ".join(args))
    return stream.read()


@app.route("/uptime")
def uptime():
    # ok: sast/py-subprocess-shell-injection
    return subprocess.check_output("uptime", shell=True)


@app.route("/v2/ping")
def ping_safe():
    host = request.args.get("host", "")
    # ok: sast/py-subprocess-shell-injection
    out = subprocess.run(["ping", "-c", "1", host], capture_output=True)
    return out.stdout


@app.route("/v3/ping")
def ping_quoted():
    host = shlex.quote(request.args.get("host", ""))
    # ok: sast/py-subprocess-shell-injection
    return subprocess.check_output("ping -c 1 " + host, shell=True)


@app.route("/kill")
def kill():
    pid = int(request.args["pid"])
    # ok: sast/py-subprocess-shell-injection
    os.system("kill -9 %d" % pid)
    return "killed"


@app.route("/logs")
def logs():
    level = "debug" if request.args.get("verbose") == "1" else "info"
    # ok: sast/py-subprocess-shell-injection
    return subprocess.check_output("journalctl -p " + level, shell=True)


def rotate(request_log):
    # ok: sast/py-subprocess-shell-injection
    subprocess.call("logrotate " + request_log.path, shell=True)


# --- Django and FastAPI ---------------------------------------------------------------------
from django.http import HttpResponse, JsonResponse
from fastapi import APIRouter, Depends

router = APIRouter()


def django_whois(request):
    domain = request.GET.get("domain", "")
    # ruleid: sast/py-subprocess-shell-injection
    out = subprocess.getoutput("whois " + domain)
    return HttpResponse(out, content_type="text/plain")


def django_thumbnail(request):
    upload = request.FILES["image"]
    # ruleid: sast/py-subprocess-shell-injection
    subprocess.call(f"convert /tmp/uploads/{upload.name} -resize 128x128 /tmp/thumb.png", shell=True)
    return JsonResponse({"ok": True})


@router.get("/dig/{domain}")
def fastapi_dig(domain: str):
    # ruleid: sast/py-subprocess-shell-injection
    return {"out": subprocess.check_output(f"dig +short {domain}", shell=True, text=True)}


@router.get("/procs/{pid}")
def fastapi_proc(pid: int, verbose: bool = False):
    # ok: sast/py-subprocess-shell-injection
    return {"out": subprocess.check_output(f"ps -p {pid} -o comm=", shell=True, text=True)}


@router.get("/disk")
def fastapi_disk(db=Depends(lambda: None)):
    # ok: sast/py-subprocess-shell-injection
    return {"out": subprocess.check_output(f"df -h {db}", shell=True, text=True)}


def django_dig_safe(request):
    # ok: sast/py-subprocess-shell-injection
    out = subprocess.run(["dig", "+short", request.GET.get("domain", "")], capture_output=True, text=True)
    return HttpResponse(out.stdout, content_type="text/plain")


ALLOWED_FORMATS = {"png", "jpg", "webp"}


@app.route("/render/<int:page>")
def render_page(page):
    fmt = request.args.get("format", "png")
    if fmt not in ALLOWED_FORMATS:
        abort(400)
    # ok: sast/py-subprocess-shell-injection
    os.system(f"pdftoppm -f {page} -{fmt} /srv/docs/manual.pdf /tmp/page")
    return "ok"


@app.route("/render2")
def render_unchecked():
    fmt = request.args.get("format", "png")
    if fmt in ALLOWED_FORMATS:
        print("known format")
    # ruleid: sast/py-subprocess-shell-injection
    os.system(f"pdftoppm -{fmt} /srv/docs/manual.pdf /tmp/page")
    return "ok"


import ipaddress


def django_probe(request):
    address = str(ipaddress.ip_address(request.GET.get("ip", "")))
    # ok: sast/py-subprocess-shell-injection
    out = subprocess.check_output(f"ping -c 1 {address}", shell=True)
    return HttpResponse(out, content_type="text/plain")
