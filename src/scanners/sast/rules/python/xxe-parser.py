import xml.sax
from xml.dom import pulldom
from xml.sax.handler import feature_external_ges

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)


@app.route("/import", methods=["POST"])
def import_feed():
    # ruleid: sast/py-xxe-parser
    parser = etree.XMLParser(resolve_entities=True)
    root = etree.fromstring(request.data, parser)
    return jsonify(items=len(root))


@app.route("/soap", methods=["POST"])
def soap():
    # ruleid: sast/py-xxe-parser
    parser = etree.XMLParser(load_dtd=True, no_network=False)
    doc = etree.parse(request.stream, parser)
    return doc.getroot().tag


def sax_import(stream, handler):
    parser = xml.sax.make_parser()
    # ruleid: sast/py-xxe-parser
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(stream)


def pulldom_import(stream):
    parser = xml.sax.make_parser()
    # ruleid: sast/py-xxe-parser
    parser.setFeature(xml.sax.handler.feature_external_ges, 1)
    return pulldom.parse(stream, parser=parser)


@app.route("/v2/import", methods=["POST"])
def import_feed_safe():
    # ok: sast/py-xxe-parser
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(request.data, parser)
    return jsonify(items=len(root))


def sax_safe(stream, handler):
    parser = xml.sax.make_parser()
    # ok: sast/py-xxe-parser
    parser.setFeature(feature_external_ges, False)
    # ok: sast/py-xxe-parser
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    parser.parse(stream)


def plain_parser():
    # ok: sast/py-xxe-parser
    return etree.XMLParser(remove_blank_text=True)
