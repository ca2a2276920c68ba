import os
import shlex
import subprocess

from flask import Flask, request

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
