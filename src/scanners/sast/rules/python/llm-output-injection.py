import os
import shlex
import sqlite3
import subprocess

import anthropic
import google.generativeai as genai
from flask import Flask, jsonify, render_template, request
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI
from markupsafe import Markup, escape
from openai import OpenAI

app = Flask(__name__)
client = OpenAI()
claude = anthropic.Anthropic()
model = genai.GenerativeModel("gemini-1.5-flash")
chain = ChatPromptTemplate.from_template("Write SQL for: {q}") | ChatOpenAI()
ACTIONS = {"uptime": ["uptime"], "disk": ["df", "-h"]}


@app.post("/ops")
def ops():
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": request.json["task"]}],
    )
    command = resp.choices[0].message.content
    # ruleid: sast/py-llm-output-injection
    out = subprocess.run(command, shell=True, capture_output=True, text=True)
    return jsonify(out=out.stdout)


@app.post("/calc")
def calc():
    msg = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=100, messages=[{"role": "user", "content": request.json["q"]}])
    expression = msg.content[0].text
    # ruleid: sast/py-llm-output-injection
    return jsonify(result=eval(expression))


@app.post("/report")
def report():
    sql = chain.invoke({"q": request.json["question"]}).content
    db = sqlite3.connect("app.db")
    # ruleid: sast/py-llm-output-injection
    rows = db.execute(sql).fetchall()
    return jsonify(rows)


@app.post("/describe")
def describe():
    answer = model.generate_content("Describe: " + request.json["item"]).text
    # ruleid: sast/py-llm-output-injection
    return render_template("item.html", description=Markup(answer))


@app.post("/notes")
def save_note():
    reply = client.responses.create(model="gpt-4o-mini", input=request.json["text"])
    filename = reply.output_text.strip() + ".md"
    # ruleid: sast/py-llm-output-injection
    with open(os.path.join("/srv/notes", filename), "w") as fh:
        fh.write(request.json["text"])
    return "", 204


@app.post("/v2/ops")
def ops_safe():
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": request.json["task"]}])
    action = resp.choices[0].message.content.strip()
    if action in ACTIONS:
        # ok: sast/py-llm-output-injection
        subprocess.run(ACTIONS[action], check=True)
    # ok: sast/py-llm-output-injection
    subprocess.run(["logger", action])
    return "", 204


@app.post("/v2/report")
def report_safe():
    category = chain.invoke({"q": request.json["question"]}).content
    db = sqlite3.connect("app.db")
    # ok: sast/py-llm-output-injection
    rows = db.execute("SELECT * FROM sales WHERE category = ?", (category,)).fetchall()
    return jsonify(rows)


@app.post("/v2/describe")
def describe_safe():
    answer = model.generate_content("Describe: " + request.json["item"]).text
    # ok: sast/py-llm-output-injection
    page = render_template("item.html", description=answer)
    # ok: sast/py-llm-output-injection
    html = Markup("<p>%s</p>") % escape(answer)
    return page + html


@app.post("/v2/grep")
def grep_safe():
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": request.json["q"]}])
    pattern = shlex.quote(resp.choices[0].message.content)
    # ok: sast/py-llm-output-injection
    return subprocess.check_output("grep -r " + pattern + " /srv/docs", shell=True)


def nightly():
    # ok: sast/py-llm-output-injection
    subprocess.run("backup.sh --all", shell=True)
