import anthropic
from fastapi import FastAPI
from flask import Flask, jsonify, request
from langchain_core.messages import HumanMessage, SystemMessage
from langchain_core.prompts import ChatPromptTemplate
from openai import OpenAI

app = Flask(__name__)
api = FastAPI()
client = OpenAI()
claude = anthropic.Anthropic()
SYSTEM = "You are the support assistant of Acme. Answer only questions about Acme products."
PERSONAS = {"formal", "friendly"}


@app.post("/chat")
def chat():
    body = request.get_json()
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            # ruleid: sast/py-llm-system-prompt-injection
            {"role": "system", "content": f"You are a helpful assistant for {body['company']}. {SYSTEM}"},
            # ok: sast/py-llm-system-prompt-injection
            {"role": "user", "content": body["question"]},
        ],
    )
    return jsonify(answer=resp.choices[0].message.content)


@app.post("/summarize")
def summarize():
    style = request.form.get("style", "")
    msg = claude.messages.create(
        model="claude-3-5-sonnet-latest",
        max_tokens=1024,
        # ruleid: sast/py-llm-system-prompt-injection
        system="Summarize the user's text. Style rules: " + style,
        # ok: sast/py-llm-system-prompt-injection
        messages=[{"role": "user", "content": request.form["text"]}],
    )
    return jsonify(summary=msg.content[0].text)


@api.get("/translate")
def translate(target_language: str, text: str):
    prompt = ChatPromptTemplate.from_messages([
        # ruleid: sast/py-llm-system-prompt-injection
        ("system", f"Translate everything into {target_language}."),
        # ok: sast/py-llm-system-prompt-injection
        ("human", "{text}"),
    ])
    return {"prompt": prompt.format(text=text)}


@api.post("/agent")
def agent(instructions: str, question: str):
    # ruleid: sast/py-llm-system-prompt-injection
    messages = [SystemMessage(content=SYSTEM + "\n" + instructions), HumanMessage(content=question)]
    # ok: sast/py-llm-system-prompt-injection
    safe = [SystemMessage(content=SYSTEM), HumanMessage(content=question)]
    return {"n": len(messages) + len(safe)}


@app.post("/v2/chat")
def chat_persona():
    persona = request.json.get("persona", "formal")
    persona = persona if persona in PERSONAS else "formal"
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            # ok: sast/py-llm-system-prompt-injection
            {"role": "system", "content": f"{SYSTEM} Use a {persona} tone."},
            # ok: sast/py-llm-system-prompt-injection
            {"role": "user", "content": request.json["question"]},
        ],
    )
    return jsonify(answer=resp.choices[0].message.content)


@app.post("/v2/summarize")
def summarize_safe():
    msg = claude.messages.create(
        model="claude-3-5-sonnet-latest",
        max_tokens=1024,
        # ok: sast/py-llm-system-prompt-injection
        system=SYSTEM,
        # ok: sast/py-llm-system-prompt-injection
        messages=[{"role": "user", "content": "Summarize:\n" + request.form["text"]}],
    )
    return jsonify(summary=msg.content[0].text)
