import ast
import json

from django.http import JsonResponse
from fastapi import APIRouter, Depends, FastAPI
from flask import Flask, jsonify, request

app = Flask(__name__)
api = FastAPI()
router = APIRouter()

FORMULAS = {"double": "x * 2", "square": "x * x"}


@app.route("/calc")
def calc():
    expr = request.args.get("expr", "0")
    # ruleid: sast/py-code-injection
    result = eval(expr)
    return jsonify(result=result)


@app.post("/rules")
def add_rule():
    body = request.get_json()
    source = "def rule(order):\n    return " + body["condition"]
    namespace = {}
    # ruleid: sast/py-code-injection
    exec(compile(source, "<rule>", "exec"), namespace)
    return "saved"


def django_filter(request):
    predicate = request.POST.get("predicate")
    # ruleid: sast/py-code-injection
    code = compile(f"lambda row: {predicate}", "<filter>", "eval")
    return JsonResponse({"ok": bool(code)})


@api.get("/eval")
def fastapi_eval(expression: str):
    # ruleid: sast/py-code-injection
    return {"value": eval(expression, {"__builtins__": {}})}


@router.post("/hooks/{name}")
async def run_hook(name: str, request_id: int):
    # ruleid: sast/py-code-injection
    exec(f"hooks.{name}()")
    # ok: sast/py-code-injection
    eval(f"counter + {request_id}")
    return {"ok": True}


@app.route("/literal")
def literal():
    # ok: sast/py-code-injection
    value = ast.literal_eval(request.args["value"])
    return jsonify(value=value)


@app.route("/formula")
def formula():
    name = request.args.get("name")
    x = float(request.args.get("x", "1"))
    # ok: sast/py-code-injection
    return jsonify(result=eval(FORMULAS["double"], {"x": x}))


@app.route("/json")
def parse_json():
    # ok: sast/py-code-injection
    data = json.loads(request.data)
    return jsonify(data)


@api.get("/items/{item_id}")
def read_item(item_id: int, db=Depends(lambda: None)):
    # ok: sast/py-code-injection
    return {"double": eval(f"{item_id} * 2")}


def load_plugin(path):
    with open(path) as f:
        # ok: sast/py-code-injection
        exec(f.read())


def size(request_body):
    # ok: sast/py-code-injection
    return eval("len(request_body)")


import re
from flask import abort

ARITHMETIC = re.compile(r"[0-9+\-*/(). ]{1,64}")


@app.route("/v2/calc")
def calc_checked():
    expr = request.args.get("expr", "0")
    if not ARITHMETIC.fullmatch(expr) or "**" in expr:
        abort(400)
    # ok: sast/py-code-injection
    return jsonify(value=eval(expr, {"__builtins__": {}}, {}))
