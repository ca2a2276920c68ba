// @ts-nocheck -- an annotated rule test: its imports are not installed
// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe

import { createOpenAI } from '@ai-sdk/openai';
import type { BaseCallbackHandler } from '@langchain/core/callbacks/base';
import { StateGraph } from '@langchain/langgraph';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createClient } from '@supabase/supabase-js';
import { generateText, streamText } from 'ai';
import OpenAI from 'openai';

const company = createOpenAI({ apiKey: process.env.COMPANY_LLM_SECRET });
const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);

@Injectable()
export class SupportAssistant {
  private readonly openai: OpenAI;
  private readonly webhookSecret = process.env.WEBHOOK_SECRET;

  constructor(private readonly configService: ConfigService) {
    // ok: sast/js-llm-secret-in-prompt
    this.openai = new OpenAI({ apiKey: this.configService.get<string>('OPENAI_API_KEY') });
  }

  async explainWebhook(payload: string): Promise<string> {
    const completion = await this.openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        // ruleid: sast/js-llm-secret-in-prompt
        { role: 'system', content: `Verify signatures with the shared value ${this.webhookSecret}.` },
        { role: 'user', content: payload },
      ],
    });
    return completion.choices[0]?.message.content ?? '';
  }

  async explainBilling(question: string): Promise<string> {
    const stripeKey = this.configService.get<string>('STRIPE_SECRET_KEY');
    const { text } = await generateText({
      model: company('gpt-4o'),
      // ruleid: sast/js-llm-secret-in-prompt
      system: `Billing assistant. Stripe: ${stripeKey}`,
      prompt: question,
    });
    return text;
  }

  async safeBilling(question: string): Promise<string> {
    const { data: plans } = await supabase.from('plans').select('name, price');
    const { text: draft } = await generateText({
      model: company('gpt-4o'),
      // ok: sast/js-llm-secret-in-prompt
      prompt: `${question}\nPlans: ${JSON.stringify(plans)}`,
    });
    const result = streamText({
      model: company('gpt-4o'),
      // ok: sast/js-llm-secret-in-prompt
      prompt: `Polish this answer: ${draft}`,
    });
    return result.text;
  }
}

export async function langgraphAgent(graph: ReturnType<StateGraph['compile']>, sessionToken: string) {
  // ruleid: sast/js-llm-secret-in-prompt
  return graph.invoke({ messages: [{ role: 'user', content: `My session is ${sessionToken}, why am I logged out?` }] });
}

export const tokenPrinter: Partial<BaseCallbackHandler> = {
  handleLLMNewToken(token: string) {
    process.stdout.write(token);
  },
};

export async function safeUsage(openai: OpenAI, prompt: string, usage: { total_tokens: number }, accessTokenExpiresAt: Date) {
  const tokens: number = usage.total_tokens;
  const expired = accessTokenExpiresAt.getTime() < Date.now();
  return openai.chat.completions.create({
    model: 'gpt-4o-mini',
    // ok: sast/js-llm-secret-in-prompt
    messages: [{ role: 'user', content: `${prompt} (used ${tokens} tokens, login expired: ${expired})` }],
  });
}
