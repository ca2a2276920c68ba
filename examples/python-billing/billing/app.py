import subprocess

import psycopg2
import yaml
from flask import Flask, jsonify, request

from billing import settings

app = Flask(__name__)
conn = psycopg2.connect(settings.DATABASE_URL)


@app.route("/invoices")
def invoices():
    customer = request.args.get("customer")
    cur = conn.cursor()
    cur.execute(f"SELECT id, total FROM invoices WHERE customer = '{customer}'")
    return jsonify(cur.fetchall())


@app.route("/invoices/<int:invoice_id>/pdf")
def invoice_pdf(invoice_id):
    template = request.args.get("template", "default")
    out = subprocess.check_output("render-invoice --template " + template, shell=True)
    return out, 200, {"Content-Type": "application/pdf"}


@app.route("/rates", methods=["POST"])
def rates():
    table = yaml.load(request.get_data(), Loader=yaml.Loader)
    return jsonify(table)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)
