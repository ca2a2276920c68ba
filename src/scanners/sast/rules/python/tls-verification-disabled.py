import ssl
import urllib.request

import aiohttp
import httpx
import requests

API = "https://billing.internal.example.com"


def fetch_invoices(token):
    # ruleid: sast/py-tls-verification-disabled
    resp = requests.get(f"{API}/invoices", headers={"Authorization": f"Bearer {token}"}, verify=False)
    return resp.json()


def make_client():
    # ruleid: sast/py-tls-verification-disabled
    return httpx.Client(base_url=API, verify=False, timeout=10)


def legacy_session():
    session = requests.Session()
    # ruleid: sast/py-tls-verification-disabled
    session.verify = False
    return session


def open_legacy(url):
    # ruleid: sast/py-tls-verification-disabled
    ctx = ssl._create_unverified_context()
    return urllib.request.urlopen(url, context=ctx)


def no_hostname():
    ctx = ssl.create_default_context()
    # ruleid: sast/py-tls-verification-disabled
    ctx.check_hostname = False
    # ruleid: sast/py-tls-verification-disabled
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


async def ping(url):
    async with aiohttp.ClientSession() as session:
        # ruleid: sast/py-tls-verification-disabled
        async with session.get(url, ssl=False) as resp:
            return resp.status


def fetch_with_ca(token):
    # ok: sast/py-tls-verification-disabled
    return requests.get(f"{API}/invoices", verify="/etc/ssl/certs/internal-ca.pem").json()


def default_client():
    # ok: sast/py-tls-verification-disabled
    return httpx.Client(base_url=API, verify=True)


def validate_form(form):
    # ok: sast/py-tls-verification-disabled
    return form.validate(verify=False)


def configure(settings):
    # ok: sast/py-tls-verification-disabled
    settings.verify = False
    # ok: sast/py-tls-verification-disabled
    ctx = ssl.create_default_context()
    return ctx
