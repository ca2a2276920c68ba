import hashlib
from hashlib import md5, sha256

from flask import Flask, request
from werkzeug.security import generate_password_hash

app = Flask(__name__)


@app.route("/register", methods=["POST"])
def register():
    password = request.form["password"]
    # ruleid: sast/py-weak-password-hash
    digest = hashlib.md5(password.encode()).hexdigest()
    save_user(request.form["email"], digest)
    return "", 201


def hash_password(raw):
    # ruleid: sast/py-weak-password-hash
    return hashlib.sha1(("s@lt" + raw).encode("utf-8")).hexdigest()


class User:
    def set_password(self, value):
        # ruleid: sast/py-weak-password-hash
        self.password_hash = md5(value.encode()).hexdigest()


def check_login(user, pwd):
    # ruleid: sast/py-weak-password-hash
    return user.pw_hash == hashlib.new("md5", pwd.encode()).hexdigest()


def etag(body):
    # ok: sast/py-weak-password-hash
    return hashlib.md5(body).hexdigest()


def cache_key(url, params):
    # ok: sast/py-weak-password-hash
    return "page:" + hashlib.sha1(f"{url}?{params}".encode()).hexdigest()


def file_checksum(path):
    h = hashlib.md5()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(65536), b""):
            h.update(chunk)
    # ok: sast/py-weak-password-hash
    return h.hexdigest()


@app.route("/v2/register", methods=["POST"])
def register_safe():
    # ok: sast/py-weak-password-hash
    pw_hash = generate_password_hash(request.form["password"])
    # ok: sast/py-weak-password-hash
    token_hash = sha256(request.form["password"].encode()).hexdigest()
    save_user(request.form["email"], pw_hash + token_hash)
    return "", 201


def gravatar(email):
    # ok: sast/py-weak-password-hash
    return "https://www.gravatar.com/avatar/" + md5(email.strip().lower().encode()).hexdigest()


def save_user(email, digest):
    pass
