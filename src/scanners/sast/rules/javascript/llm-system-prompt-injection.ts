// @ts-nocheck -- an annotated rule test: its imports are not installed
// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe

import { openai as aiOpenai } from '@ai-sdk/openai';
import Anthropic from '@anthropic-ai/sdk';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { generateText } from 'ai';
import type { Request, Response } from 'express';
import { type NextRequest, NextResponse } from 'next/server';
import OpenAI from 'openai';

const openai = new OpenAI();
const anthropic = new Anthropic();
const BASE_PROMPT = 'You are a helpful support assistant for Acme.';

export async function chat(req: Request, res: Response) {
  const { persona, question } = req.body;
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      // ruleid: sast/js-llm-system-prompt-injection
      { role: 'system', content: `${BASE_PROMPT} Act as ${persona}.` },
      // ok: sast/js-llm-system-prompt-injection
      { role: 'user', content: question },
    ],
  });
  res.json(completion.choices[0].message);
}

export async function POST(request: NextRequest) {
  const body = await request.json();
  const msg = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    // ruleid: sast/js-llm-system-prompt-injection
    system: BASE_PROMPT + '\nCompany notes: ' + body.notes,
    // ok: sast/js-llm-system-prompt-injection
    messages: [{ role: 'user', content: body.question }],
  });
  return NextResponse.json(msg);
}

export async function GET(request: NextRequest) {
  const lang = request.nextUrl.searchParams.get('lang') ?? 'en';
  const { text } = await generateText({
    model: aiOpenai('gpt-4o-mini'),
    // ruleid: sast/js-llm-system-prompt-injection
    system: `Answer in ${lang}.`,
    // ok: sast/js-llm-system-prompt-injection
    prompt: request.nextUrl.searchParams.get('q') ?? '',
  });
  return NextResponse.json({ text });
}

const LANGUAGES = { en: 'English', fr: 'French' } as const;
export async function safeChat(req: Request, res: Response) {
  const language = req.query.lang === 'fr' ? LANGUAGES.fr : LANGUAGES.en;
  const messages = [
    // ok: sast/js-llm-system-prompt-injection
    new SystemMessage(`${BASE_PROMPT} Reply in ${language}.`),
    new HumanMessage(String(req.query.q)),
  ];
  // ok: sast/js-llm-system-prompt-injection
  const reply = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 256, system: BASE_PROMPT, messages: [{ role: 'user', content: String(req.query.q) }] });
  res.json({ messages, reply });
}

export async function langchainChat(req: Request, res: Response) {
  // ruleid: sast/js-llm-system-prompt-injection
  const messages = [new SystemMessage('You are ' + req.body.role), new HumanMessage(req.body.q)];
  res.json(messages);
}
