// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openai as aiOpenai } from '@ai-sdk/openai';
import Anthropic from '@anthropic-ai/sdk';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { GoogleGenerativeAI } from '@google/generative-ai';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { ChatPromptTemplate, PromptTemplate } from '@langchain/core/prompts';
import { ChatOpenAI } from '@langchain/openai';
import { Octokit } from '@octokit/rest';
import { Agent, run } from '@openai/agents';
import { generateText } from 'ai';
import axios from 'axios';
import Redis from 'ioredis';
import ollama from 'ollama';
import OpenAI from 'openai';
import pg from 'pg';
import Stripe from 'stripe';
import config from './config.js';

// ok: sast/js-llm-secret-in-prompt
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const anthropic = new Anthropic({ apiKey: config.anthropicApiKey });
const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY);
const llm = new ChatOpenAI({ model: 'gpt-4o-mini', apiKey: process.env.OPENAI_API_KEY });
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, password: process.env.DB_PASSWORD });
const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });

export async function debugDeployment(question) {
  return openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      // ruleid: sast/js-llm-secret-in-prompt
      { role: 'system', content: `You debug deployments. DB password: ${process.env.DB_PASSWORD}` },
      // ok: sast/js-llm-secret-in-prompt
      { role: 'user', content: question },
    ],
  });
}

export async function explainConfig() {
  const summary = `Stripe key ${config.stripeSecretKey}, webhook secret ${config.webhookSecret}`;
  const msg = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    // ruleid: sast/js-llm-secret-in-prompt
    system: 'Explain this configuration: ' + summary,
    // ok: sast/js-llm-secret-in-prompt
    messages: [{ role: 'user', content: 'What is misconfigured?' }],
  });
  return msg.content;
}

export async function responsesApi(userQuestion) {
  const jwtSecret = process.env['JWT_SECRET'];
  const resp = await openai.responses.create({
    model: 'gpt-4.1',
    // ruleid: sast/js-llm-secret-in-prompt
    instructions: `Sign tokens with ${jwtSecret}`,
    // ok: sast/js-llm-secret-in-prompt
    input: userQuestion,
  });
  return resp.output_text;
}

export async function conversation(dbPassword, history) {
  const messages = [...history];
  messages.push({ role: 'user', content: `Why does login fail with password ${dbPassword}?` });
  // ruleid: sast/js-llm-secret-in-prompt
  const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  return completion.choices[0].message.content;
}

export async function gemini() {
  const model = genAI.getGenerativeModel({ model: 'gemini-2.0-flash' });
  const awsConfig = fs.readFileSync(path.join(os.homedir(), '.aws', 'credentials'), 'utf8');
  // ruleid: sast/js-llm-secret-in-prompt
  const result = await model.generateContent(`Check this AWS config for mistakes:\n${awsConfig}`);
  return result.response.text();
}

export async function vercel(settings) {
  const { text } = await generateText({
    model: aiOpenai('gpt-4o-mini'),
    // ruleid: sast/js-llm-secret-in-prompt
    prompt: `Write a curl command that calls our API with key ${settings.SERVICE_API_KEY}`,
  });
  return text;
}

export async function dumpEnvironment() {
  return openai.chat.completions.create({
    model: 'gpt-4o-mini',
    // ruleid: sast/js-llm-secret-in-prompt
    messages: [{ role: 'user', content: 'Why does my app crash? Environment: ' + JSON.stringify(process.env) }],
  });
}

export async function langchain(user) {
  const prompt = ChatPromptTemplate.fromMessages([
    ['system', 'You are the account assistant.'],
    ['human', '{question}'],
  ]);
  const chain = prompt.pipe(llm);
  // ruleid: sast/js-llm-secret-in-prompt
  await chain.invoke({ question: `Reset the account whose password is ${user.password}` });
  // ruleid: sast/js-llm-secret-in-prompt
  const tmpl = PromptTemplate.fromTemplate(`Use the token ${process.env.SLACK_BOT_TOKEN} to answer {q}`);
  // ruleid: sast/js-llm-secret-in-prompt
  return llm.invoke([new SystemMessage(`Internal admin key: ${config.adminKey}`), new HumanMessage('hi')]);
}

export async function agentsAndFiles(config, secretsClient, question) {
  // ruleid: sast/js-llm-secret-in-prompt
  const agent = new Agent({ name: 'ops', instructions: `Use token ${config.token} for the API` });
  const dotenv = await readFile('.env', 'utf8');
  const bedrock = new BedrockRuntimeClient({});
  await bedrock.send(new ConverseCommand({
    modelId: 'anthropic.claude',
    // ruleid: sast/js-llm-secret-in-prompt
    messages: [{ role: 'user', content: [{ text: dotenv }] }],
  }));
  const dbSecret = await secretsClient.getSecretValue({ SecretId: 'db' });
  // ruleid: sast/js-llm-secret-in-prompt
  await ollama.chat({ model: 'llama3', messages: [{ role: 'user', content: dbSecret.SecretString }] });
  const redis = new Redis({ password: process.env.REDIS_PASSWORD });
  const cached = await redis.get('faq');
  const api = axios.create({ headers: { 'X-Api-Key': process.env.PARTNER_API_KEY } });
  const { data } = await api.get('/status');
  // ok: sast/js-llm-secret-in-prompt
  await ollama.generate({ model: 'llama3', prompt: `${question} ${cached} ${data.status} ${process.env.NODE_ENV} ${process.env.PWD}` });
  return run(agent, question);
}

// ---- safe: no secret value reaches the prompt ----

export async function safeStatus(question) {
  const dbConfigured = Boolean(process.env.DB_PASSWORD);
  const keyLength = config.stripeSecretKey.length;
  const masked = '****' + config.stripeSecretKey.slice(-4);
  const fingerprint = createHash('sha256').update(process.env.JWT_SECRET).digest('hex').slice(0, 8);
  return openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      // ok: sast/js-llm-secret-in-prompt
      { role: 'system', content: `DB password set: ${dbConfigured}. Key length ${keyLength}, key ${masked}, secret id ${fingerprint}.` },
      // ok: sast/js-llm-secret-in-prompt
      { role: 'user', content: question + (process.env.DB_PASSWORD ? ' (db ready)' : ' (no db)') },
    ],
  });
}

export async function safeMasked(apiSecret) {
  const msg = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 512,
    // ok: sast/js-llm-secret-in-prompt
    system: `The configured secret is ${maskSecret(apiSecret)}.`,
    messages: [{ role: 'user', content: 'Is it the production one?' }],
  });
  return msg;
}

export async function safeToolResults(question) {
  // data fetched with credentials is not the credentials
  const customers = await stripe.customers.list({ limit: 10 });
  const { rows } = await pool.query('SELECT name, plan FROM accounts LIMIT 20');
  const issues = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'app' });
  const res = await fetch(`https://api.weather.example/v1?key=${process.env.WEATHER_API_KEY}`, {
    headers: { Authorization: `Bearer ${process.env.WEATHER_TOKEN}` },
  });
  const weather = await res.json();
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      // ok: sast/js-llm-secret-in-prompt
      { role: 'user', content: `${question}\n${JSON.stringify(customers.data)}\n${JSON.stringify(rows)}\n${issues.data.length}\n${weather.summary}` },
    ],
  });
  const followUp = [{ role: 'user', content: question }, completion.choices[0].message];
  // ok: sast/js-llm-secret-in-prompt
  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: followUp });
}

export async function safeLookalikes(doc, tokenizer, passwordPolicy, authorName, keyboard) {
  const max_tokens = 512;
  const token_count = tokenizer.encode(doc).length;
  const maxTokens = 4096;
  return openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens,
    messages: [
      // ok: sast/js-llm-secret-in-prompt
      { role: 'system', content: `Budget ${maxTokens} tokens (${token_count} used). Policy: ${passwordPolicy.description}. Author: ${authorName}. Layout: ${keyboard}.` },
      // ok: sast/js-llm-secret-in-prompt
      { role: 'user', content: `Explain the fields: ${config.passwordField}, ${config.tokenUrl}, ${config.tokenType}, ${config.publicKey}, ${config.secretName}` },
    ],
  });
}

export async function safeStreaming(question) {
  const stream = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    stream: true,
    // ok: sast/js-llm-secret-in-prompt
    messages: [{ role: 'user', content: question }],
  });
  let answer = '';
  for await (const chunk of stream) {
    const token = chunk.choices[0]?.delta?.content ?? '';
    answer += token;
  }
  // ok: sast/js-llm-secret-in-prompt
  return llm.invoke(`Shorten: ${answer}`);
}

function maskSecret(value) {
  return `${value.slice(0, 2)}…${value.slice(-2)}`;
}
