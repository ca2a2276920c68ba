import os
import shutil
from pathlib import Path

from django.http import FileResponse, HttpResponse
from fastapi import FastAPI
from flask import Flask, abort, request, send_file, send_from_directory
from werkzeug.utils import safe_join, secure_filename

app = Flask(__name__)
api = FastAPI()
UPLOAD_DIR = "/srv/app/uploads"
REPORT_DIR = Path("/srv/app/reports")


@app.route("/download")
def download():
    name = request.args.get("file")
    # ruleid: sast/py-path-traversal
    return send_file(os.path.join(UPLOAD_DIR, name))


@app.route("/notes/<note>")
def read_note(note):
    # ruleid: sast/py-path-traversal
    with open(f"/srv/app/notes/{note}.txt") as fh:
        return fh.read()


@app.route("/upload", methods=["POST"])
def upload():
    upload_file = request.files["file"]
    # ruleid: sast/py-path-traversal
    upload_file.save(os.path.join(UPLOAD_DIR, upload_file.filename))
    return "", 204


def django_delete(request):
    target = os.path.join(UPLOAD_DIR, request.POST["name"])
    # ruleid: sast/py-path-traversal
    os.remove(target)
    return HttpResponse(status=204)


@api.get("/reports/{name}")
def fastapi_report(name: str):
    # ruleid: sast/py-path-traversal
    return {"body": Path(REPORT_DIR / name).read_text()}


def django_export(request):
    # ruleid: sast/py-path-traversal
    return FileResponse(open(os.path.join("/srv/exports", request.GET["f"]), "rb"))


@app.route("/v2/download/<path:name>")
def download_safe(name):
    # ok: sast/py-path-traversal
    return send_from_directory(UPLOAD_DIR, name)


@app.route("/v2/upload", methods=["POST"])
def upload_safe():
    f = request.files["file"]
    # ok: sast/py-path-traversal
    f.save(os.path.join(UPLOAD_DIR, secure_filename(f.filename)))
    return "", 204


@app.route("/v3/download")
def download_basename():
    name = os.path.basename(request.args["file"])
    # ok: sast/py-path-traversal
    return send_file(os.path.join(UPLOAD_DIR, name))


@app.route("/v4/download")
def download_checked():
    full = os.path.realpath(os.path.join(UPLOAD_DIR, request.args["file"]))
    if not full.startswith(UPLOAD_DIR + os.sep):
        abort(404)
    # ok: sast/py-path-traversal
    return send_file(full)


@app.route("/v5/download")
def download_joined():
    path = safe_join(UPLOAD_DIR, request.args["file"])
    if path is None:
        abort(404)
    # ok: sast/py-path-traversal
    return send_file(path)


@app.route("/theme")
def theme():
    name = "dark" if request.args.get("theme") == "dark" else "light"
    # ok: sast/py-path-traversal
    with open(os.path.join("/srv/app/themes", name + ".css")) as fh:
        return fh.read()


@api.get("/invoices/{invoice_id}")
def invoice(invoice_id: int):
    # ok: sast/py-path-traversal
    return FileResponse(os.path.join("/srv/invoices", f"{invoice_id}.pdf"))


def cleanup(tmpdir):
    # ok: sast/py-path-traversal
    shutil.rmtree(tmpdir)


REPORTS = {"daily": "/var/app/reports/daily.csv", "weekly": "/var/app/reports/weekly.csv"}


@app.route("/reports/<kind>")
def report(kind):
    path = REPORTS.get(kind)
    if path is None:
        abort(404)
    # ok: sast/py-path-traversal
    return send_file(path, mimetype="text/csv")


@app.route("/v3/upload", methods=["POST"])
def upload_f():
    f = request.files["document"]
    dest = os.path.join(UPLOAD_DIR, f.filename)
    # ruleid: sast/py-path-traversal
    f.save(dest)
    return "", 204
