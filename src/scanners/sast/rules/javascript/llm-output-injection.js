// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const { exec, execFile } = require('node:child_process');
const fs = require('node:fs/promises');
const path = require('node:path');
const OpenAI = require('openai');
const Anthropic = require('@anthropic-ai/sdk');
const { GoogleGenerativeAI } = require('@google/generative-ai');
const { Pool } = require('pg');

const openai = new OpenAI();
const anthropic = new Anthropic();
const gemini = new GoogleGenerativeAI(process.env.GEMINI_KEY).getGenerativeModel({ model: 'gemini-1.5-flash' });
const pool = new Pool();

async function runSuggestedCommand(task) {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: `Give a shell command to ${task}` }],
  });
  const command = completion.choices[0].message.content;
  // ruleid: sast/js-llm-output-injection
  exec(command);
}

async function askForSql(question) {
  const msg = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 512,
    messages: [{ role: 'user', content: question }],
  });
  const sql = msg.content[0].text;
  // ruleid: sast/js-llm-output-injection
  const { rows } = await pool.query(sql);
  return rows;
}

async function calculator(expression) {
  const result = await gemini.generateContent(`Rewrite as a JavaScript expression: ${expression}`);
  // ruleid: sast/js-llm-output-injection
  return eval(result.response.text());
}

async function saveSummary(doc) {
  const response = await openai.responses.create({ model: 'gpt-4o-mini', input: `Title for: ${doc}` });
  // ruleid: sast/js-llm-output-injection
  await fs.writeFile(path.join('summaries', response.output_text + '.md'), doc);
  // ok: sast/js-llm-output-injection
  await fs.writeFile(path.join('summaries', path.basename(response.output_text) + '.md'), doc);
}

async function storeAnswer(question, userId) {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: question }],
  });
  const answer = completion.choices[0].message.content;
  // ok: sast/js-llm-output-injection
  await pool.query('INSERT INTO answers (user_id, body) VALUES ($1, $2)', [userId, answer]);
  // ok: sast/js-llm-output-injection
  execFile('notify-send', ['New answer', answer]);
  return answer;
}

async function listFiles() {
  // ok: sast/js-llm-output-injection
  exec('ls -la /srv/data', (err, out) => console.log(out));
  const template = await fs.readFile('prompt.txt', 'utf8');
  // ok: sast/js-llm-output-injection
  return eval('1 + 1') + template.length;
}
