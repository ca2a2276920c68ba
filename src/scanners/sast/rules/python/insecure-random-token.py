import random
import secrets
import string
from random import choice

ALPHABET = string.ascii_letters + string.digits


def new_reset_token():
    # ruleid: sast/py-insecure-random-token
    return "".join(random.choice(ALPHABET) for _ in range(32))


def create_user(email):
    # ruleid: sast/py-insecure-random-token
    temp_password = "".join(choice(ALPHABET) for _ in range(12))
    # ruleid: sast/py-insecure-random-token
    otp = random.randint(100000, 999999)
    return {"email": email, "password": temp_password, "otp": otp}


def issue_key(user):
    # ruleid: sast/py-insecure-random-token
    user.api_key = "%032x" % random.getrandbits(128)
    # ruleid: sast/py-insecure-random-token
    return {"session_id": random.randrange(10**12), "user": user.id}


def jittered_backoff(attempt):
    # ok: sast/py-insecure-random-token
    delay = min(60, 2**attempt) + random.uniform(0, 1)
    return delay


def pick_server(servers):
    # ok: sast/py-insecure-random-token
    return random.choice(servers)


def sample_rows(rows):
    # ok: sast/py-insecure-random-token
    subset = random.sample(rows, k=min(10, len(rows)))
    return subset


def new_token():
    # ok: sast/py-insecure-random-token
    return secrets.token_urlsafe(32)


def new_password():
    # ok: sast/py-insecure-random-token
    password = "".join(secrets.choice(ALPHABET) for _ in range(16))
    return password


def shuffle_deck(deck):
    # ok: sast/py-insecure-random-token
    token_order = random.sample(deck, len(deck)) if deck else []
    return token_order


def make_salt():
    # ruleid: sast/py-insecure-random-token
    salt = random.randbytes(16)
    # ruleid: sast/py-insecure-random-token
    nonce = "".join(random.sample(ALPHABET, 12))
    return salt, nonce


def augment(vocab):
    # ok: sast/py-insecure-random-token
    tokens = random.sample(vocab, 5)
    # ok: sast/py-insecure-random-token
    token_count = random.randint(1, len(vocab))
    return tokens[:token_count]
