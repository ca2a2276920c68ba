import hashlib
import os
from getpass import getpass
from pathlib import Path

import anthropic
import google.generativeai as legacy_genai
import litellm
import ollama
import psycopg2
import redis
import requests
import stripe
from django.conf import settings
from dotenv import dotenv_values
from github import Github
from google import genai
from langchain_core.messages import HumanMessage, SystemMessage
from langchain_core.prompts import ChatPromptTemplate, PromptTemplate
from langchain_openai import ChatOpenAI
from openai import OpenAI
from pydantic import SecretStr
from pydantic_settings import BaseSettings

# ok: sast/py-llm-secret-in-prompt
client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
claude = anthropic.Anthropic(api_key=os.getenv("ANTHROPIC_API_KEY"))
gemini = genai.Client(api_key=os.environ.get("GEMINI_API_KEY"))
llm = ChatOpenAI(model="gpt-4o-mini", api_key=os.environ["OPENAI_API_KEY"])
legacy_model = legacy_genai.GenerativeModel("gemini-1.5-flash")
stripe.api_key = os.environ["STRIPE_SECRET_KEY"]


class Settings(BaseSettings):
    db_password: SecretStr
    stripe_secret_key: str
    max_tokens: int = 1024


config = Settings()


def debug_deployment(question):
    return client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            # ruleid: sast/py-llm-secret-in-prompt
            {"role": "system", "content": f"You debug deployments. DB password: {os.environ['DB_PASSWORD']}"},
            # ok: sast/py-llm-secret-in-prompt
            {"role": "user", "content": question},
        ],
    )


def explain_django_settings():
    summary = "SECRET_KEY=%s, EMAIL_HOST_PASSWORD=%s" % (settings.SECRET_KEY, settings.EMAIL_HOST_PASSWORD)
    msg = claude.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=1024,
        # ruleid: sast/py-llm-secret-in-prompt
        system="Explain this configuration: " + summary,
        # ok: sast/py-llm-secret-in-prompt
        messages=[{"role": "user", "content": "What is misconfigured?"}],
    )
    return msg.content[0].text


def responses_api(user_question):
    jwt = os.getenv("JWT_SIGNING_KEY")
    resp = client.responses.create(
        model="gpt-4.1",
        # ruleid: sast/py-llm-secret-in-prompt
        instructions=f"Sign tokens with {jwt}",
        # ok: sast/py-llm-secret-in-prompt
        input=user_question,
    )
    return resp.output_text


def conversation(db_password, history):
    messages = list(history)
    messages.append({"role": "user", "content": f"Why does login fail with password {db_password}?"})
    # ruleid: sast/py-llm-secret-in-prompt
    completion = client.chat.completions.create(model="gpt-4o", messages=messages)
    return completion.choices[0].message.content


def check_aws_config():
    aws_config = Path.home().joinpath(".aws", "credentials").read_text()
    # ruleid: sast/py-llm-secret-in-prompt
    result = gemini.models.generate_content(model="gemini-2.0-flash", contents=f"Check this file:\n{aws_config}")
    return result.text


def pydantic_secrets():
    prompt = f"Connect with {config.db_password.get_secret_value()} and bill with {config.stripe_secret_key}"
    # ruleid: sast/py-llm-secret-in-prompt
    return llm.invoke(prompt)


def dump_environment(error):
    return client.chat.completions.create(
        model="gpt-4o-mini",
        # ruleid: sast/py-llm-secret-in-prompt
        messages=[{"role": "user", "content": f"Why does my app crash with {error}? Environment: {dict(os.environ)}"}],
    )


def langchain_prompts(user, api_secret):
    prompt = ChatPromptTemplate.from_messages([
        ("system", "You are the account assistant."),
        ("human", "{question}"),
    ])
    chain = prompt | llm
    # ruleid: sast/py-llm-secret-in-prompt
    chain.invoke({"question": f"Reset the account whose password is {user.password}"})
    # ruleid: sast/py-llm-secret-in-prompt
    template = PromptTemplate.from_template("Use the key " + api_secret + " to answer {q}")
    # ruleid: sast/py-llm-secret-in-prompt
    return llm.invoke([SystemMessage(content=f"Admin values: {dotenv_values('.env')}"), HumanMessage(content="hi")])


def key_files():
    env_text = open(os.path.join(os.path.dirname(__file__), ".env")).read()
    # ruleid: sast/py-llm-secret-in-prompt
    client.chat.completions.create(model="m", messages=[{"role": "user", "content": env_text}])
    with open(os.path.expanduser("~/.ssh/id_rsa")) as f:
        key_material = f.read()
    # ruleid: sast/py-llm-secret-in-prompt
    legacy_model.generate_content("Is this key valid? " + key_material)
    chat = legacy_model.start_chat()
    # ruleid: sast/py-llm-secret-in-prompt
    chat.send_message(f"my pass is {getpass()} and {os.getenv('SMTP_PASS')}")
    # ok: sast/py-llm-secret-in-prompt
    chat.send_message(f"home is {os.getenv('HOME')}")


def other_clients(question, access_token):
    # ruleid: sast/py-llm-secret-in-prompt
    ollama.chat(model="llama3", messages=[{"role": "user", "content": f"{question} {access_token}"}])
    # ruleid: sast/py-llm-secret-in-prompt
    litellm.completion(model="gpt-4o", messages=[{"role": "user", "content": os.environ.get("PROXY_AUTH")}])
    # ok: sast/py-llm-secret-in-prompt
    litellm.completion(model="gpt-4o", messages=[{"role": "user", "content": os.environ.get("AUTHOR")}], api_key=access_token)
    for token in client.chat.completions.create(model="m", stream=True, messages=[]):
        # ok: sast/py-llm-secret-in-prompt
        client.chat.completions.create(model="m", messages=[{"role": "user", "content": str(token)}])
    prompt = "Tell {name} the password is {pw}".format(name="bob", pw=os.environ["ADMIN_PASSWORD"])
    # ruleid: sast/py-llm-secret-in-prompt
    client.chat.completions.create(model="m", messages=[{"role": "user", "content": prompt}])
    # ok: sast/py-llm-secret-in-prompt
    client.chat.completions.create(model="m", messages=[{"role": "user", "content": question}], extra_headers={"Authorization": access_token})


# ---- safe: no secret value reaches the prompt ----


def safe_status(question):
    db_configured = bool(os.environ.get("DB_PASSWORD"))
    key_length = len(settings.SECRET_KEY)
    masked = "****" + config.stripe_secret_key[-4:]
    fingerprint = hashlib.sha256(settings.SECRET_KEY.encode()).hexdigest()[:8]
    return client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            # ok: sast/py-llm-secret-in-prompt
            {"role": "system", "content": f"DB password set: {db_configured}. Key length {key_length}, key {masked}, id {fingerprint}."},
            # ok: sast/py-llm-secret-in-prompt
            {"role": "user", "content": question + (" (db ready)" if os.environ.get("DB_PASSWORD") else " (no db)")},
        ],
    )


def safe_masked(api_secret):
    # ok: sast/py-llm-secret-in-prompt
    return claude.messages.create(model="claude-haiku-4-5", max_tokens=512, system=f"The secret is {mask_secret(api_secret)}.", messages=[])


def safe_tool_results(question):
    # data fetched with credentials is not the credentials
    customers = stripe.Customer.list(limit=10)
    conn = psycopg2.connect(host="db", user="app", password=os.environ["DB_PASSWORD"])
    cur = conn.cursor()
    cur.execute("SELECT name, plan FROM accounts LIMIT 20")
    rows = cur.fetchall()
    cache = redis.Redis(host="cache", password=settings.REDIS_PASSWORD)
    cached = cache.get("faq")
    repo = Github(os.environ["GITHUB_TOKEN"]).get_repo("acme/app")
    weather = requests.get(
        "https://api.weather.example/v1",
        params={"key": os.environ["WEATHER_API_KEY"]},
        headers={"Authorization": f"Bearer {os.environ['WEATHER_TOKEN']}"},
    ).json()
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            # ok: sast/py-llm-secret-in-prompt
            {"role": "user", "content": f"{question}\n{customers}\n{rows}\n{cached}\n{repo.description}\n{weather['summary']}"},
        ],
    )
    follow_up = [{"role": "user", "content": question}, completion.choices[0].message]
    # ok: sast/py-llm-secret-in-prompt
    return client.chat.completions.create(model="gpt-4o-mini", messages=follow_up)


def safe_lookalikes(doc, tokenizer, password_policy, author_name, keyboard):
    max_tokens = config.max_tokens
    token_count = len(tokenizer.encode(doc))
    eos = tokenizer.eos_token
    return client.chat.completions.create(
        model="gpt-4o-mini",
        max_tokens=max_tokens,
        messages=[
            # ok: sast/py-llm-secret-in-prompt
            {"role": "system", "content": f"Budget {max_tokens} tokens ({token_count} used, stop at {eos}). Policy: {password_policy}. Author: {author_name}. Layout: {keyboard}."},
            # ok: sast/py-llm-secret-in-prompt
            {"role": "user", "content": f"Explain the settings {settings.PASSWORD_HASHERS}, {settings.TOKEN_URL}, {settings.PUBLIC_KEY}, {settings.SECRET_NAME}"},
        ],
    )


def safe_streaming(question):
    stream = client.chat.completions.create(
        model="gpt-4o-mini",
        stream=True,
        # ok: sast/py-llm-secret-in-prompt
        messages=[{"role": "user", "content": question}],
    )
    answer = ""
    for chunk in stream:
        token = chunk.choices[0].delta.content or ""
        answer += token
    # ok: sast/py-llm-secret-in-prompt
    return llm.invoke(f"Shorten: {answer}")


def mask_secret(value):
    return value[:2] + "..." + value[-2:]
