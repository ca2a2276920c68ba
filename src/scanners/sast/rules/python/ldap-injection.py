import re

import ldap
import ldap.filter
from django.http import JsonResponse
from fastapi import FastAPI
from flask import Flask, jsonify, request
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
api = FastAPI()
BASE_DN = "ou=people,dc=example,dc=org"
server = Server("ldap://ldap.internal")


@app.route("/directory")
def directory():
    name = request.args.get("name", "")
    conn = Connection(server, auto_bind=True)
    # ruleid: sast/py-ldap-injection
    conn.search(BASE_DN, f"(&(objectClass=person)(cn={name}))", attributes=["mail"])
    return jsonify([str(e.mail) for e in conn.entries])


@app.post("/login")
def login():
    user = request.form["username"]
    conn = Connection(server, auto_bind=True)
    query = "(&(uid=" + user + ")(objectClass=inetOrgPerson))"
    # ruleid: sast/py-ldap-injection
    conn.search(search_base=BASE_DN, search_filter=query, search_scope=SUBTREE)
    return jsonify(found=len(conn.entries) == 1)


def django_lookup(request):
    l = ldap.initialize("ldap://ldap.internal")
    mail = request.GET["mail"]
    # ruleid: sast/py-ldap-injection
    res = l.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(mail=%s)" % mail, ["uid"])
    return JsonResponse({"n": len(res)})


@api.get("/groups/{group}")
def group_members(group: str):
    conn = Connection(server, auto_bind=True)
    # ruleid: sast/py-ldap-injection
    conn.search("ou=groups,dc=example,dc=org", "(cn=%s)" % group)
    return {"members": [str(e) for e in conn.entries]}


@app.route("/v2/directory")
def directory_safe():
    name = escape_filter_chars(request.args.get("name", ""))
    conn = Connection(server, auto_bind=True)
    # ok: sast/py-ldap-injection
    conn.search(BASE_DN, f"(&(objectClass=person)(cn={name}))", attributes=["mail"])
    return jsonify([str(e.mail) for e in conn.entries])


def django_lookup_safe(request):
    l = ldap.initialize("ldap://ldap.internal")
    flt = ldap.filter.filter_format("(mail=%s)", [request.GET["mail"]])
    # ok: sast/py-ldap-injection
    res = l.search_s(BASE_DN, ldap.SCOPE_SUBTREE, flt, ["uid"])
    return JsonResponse({"n": len(res)})


@app.route("/v2/groups")
def groups_constant():
    conn = Connection(server, auto_bind=True)
    # ok: sast/py-ldap-injection
    conn.search(request.args.get("base", BASE_DN) and BASE_DN, "(objectClass=groupOfNames)")
    return jsonify(len(conn.entries))


@app.route("/grep")
def grep_names():
    names = ["alice", "bob"]
    # ok: sast/py-ldap-injection
    return jsonify([n for n in names if re.search(request.args["pattern"], n)])
