import base64
import json
import marshal
import pickle

import dill
import numpy as np
from django.http import JsonResponse
from fastapi import FastAPI, File, UploadFile
from flask import Flask, jsonify, request
from itsdangerous import URLSafeSerializer

app = Flask(__name__)
api = FastAPI()
serializer = URLSafeSerializer("change-me", salt="prefs")


@app.route("/session/restore", methods=["POST"])
def restore():
    blob = base64.b64decode(request.form["state"])
    # ruleid: sast/py-unsafe-deserialization
    state = pickle.loads(blob)
    return jsonify(state)


@app.route("/model/upload", methods=["POST"])
def upload_model():
    uploaded = request.files["model"]
    # ruleid: sast/py-unsafe-deserialization
    model = pickle.load(uploaded.stream)
    return jsonify(name=type(model).__name__)


def django_import(request):
    payload = request.FILES["payload"].read()
    # ruleid: sast/py-unsafe-deserialization
    obj = dill.loads(payload)
    # ruleid: sast/py-unsafe-deserialization
    code = marshal.loads(request.body)
    return JsonResponse({"type": str(type(obj)), "code": str(code)})


@api.post("/arrays")
async def upload_array(file: UploadFile = File(...)):
    content = await file.read()
    # ruleid: sast/py-unsafe-deserialization
    data = pickle.loads(content)
    return {"size": len(data)}


@api.post("/arrays/v2")
async def upload_array_safe(file: UploadFile = File(...)):
    # ok: sast/py-unsafe-deserialization
    arr = np.load(file.file, allow_pickle=False)
    return {"shape": list(arr.shape)}


@api.post("/arrays/v3")
async def upload_array_objects(file: UploadFile = File(...)):
    # ruleid: sast/py-unsafe-deserialization
    arr = np.load(file.file, allow_pickle=True)
    # ok: sast/py-unsafe-deserialization
    plain = np.load(file.file)
    return {"shape": list(arr.shape) + list(plain.shape)}


@app.route("/prefs")
def prefs():
    # ok: sast/py-unsafe-deserialization
    data = serializer.loads(request.cookies["prefs"])
    return jsonify(data)


@app.route("/import", methods=["POST"])
def import_json():
    # ok: sast/py-unsafe-deserialization
    items = json.loads(request.data)
    return jsonify(items)


def load_cache(path):
    with open(path, "rb") as f:
        # ok: sast/py-unsafe-deserialization
        return pickle.load(f)


@app.route("/report")
def report():
    name = request.args.get("name")
    with open("/var/cache/reports.pkl", "rb") as f:
        # ok: sast/py-unsafe-deserialization
        reports = pickle.load(f)
    return jsonify(reports.get(name))
