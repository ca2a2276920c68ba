import yaml
from flask import Flask, request

app = Flask(__name__)


@app.route("/import", methods=["POST"])
def import_config():
    # ruleid: sast/py-unsafe-yaml-load
    config = yaml.load(request.data)
    return str(config)


def read_all(stream):
    # ruleid: sast/py-unsafe-yaml-load
    return list(yaml.load_all(stream, Loader=yaml.FullLoader))


def read_legacy(path):
    with open(path) as f:
        # ruleid: sast/py-unsafe-yaml-load
        return yaml.load(f, Loader=yaml.UnsafeLoader)


def read_trusted(text):
    # ruleid: sast/py-unsafe-yaml-load
    return yaml.unsafe_load(text)


def read_settings(path):
    with open(path) as f:
        # ok: sast/py-unsafe-yaml-load
        return yaml.safe_load(f)


def read_fast(text):
    # ok: sast/py-unsafe-yaml-load
    return yaml.load(text, Loader=yaml.CSafeLoader)


def read_positional(text):
    # ok: sast/py-unsafe-yaml-load
    return yaml.load(text, yaml.SafeLoader)


def dump(data):
    # ok: sast/py-unsafe-yaml-load
    return yaml.dump(data, Dumper=yaml.SafeDumper)
