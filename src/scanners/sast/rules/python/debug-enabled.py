import os

from flask import Flask

# ruleid: sast/py-debug-enabled
DEBUG = True

# ok: sast/py-debug-enabled
TEMPLATE_DEBUG = True

# ok: sast/py-debug-enabled
DEBUG_TOOLBAR = True

app = Flask(__name__)
# ruleid: sast/py-debug-enabled
app.config["DEBUG"] = True
# ruleid: sast/py-debug-enabled
app.debug = True
# ruleid: sast/py-debug-enabled
app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], DEBUG=True)

if os.environ.get("ENV") == "development":
    # ok: sast/py-debug-enabled
    DEBUG = True


class TestConfig:
    # ok: sast/py-debug-enabled
    DEBUG = True
    TESTING = True


# ok: sast/py-debug-enabled
app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"

# ok: sast/py-debug-enabled
app.config["TESTING"] = True


def run_tests(cfg):
    # ok: sast/py-debug-enabled
    cfg.DEBUG = True


if __name__ == "__main__":
    # ruleid: sast/py-debug-enabled
    app.run(host="0.0.0.0", port=5000, debug=True)
    # ok: sast/py-debug-enabled
    app.run(host="127.0.0.1", debug=os.environ.get("FLASK_DEBUG") == "1")


def test_debug_page(app, client):
    # ok: sast/py-debug-enabled
    app.debug = True
    # ok: sast/py-debug-enabled
    app.config["DEBUG"] = True
    assert client.get("/boom").status_code == 500


def create_app():
    application = Flask(__name__)
    # ruleid: sast/py-debug-enabled
    application.config["DEBUG"] = True
    return application
