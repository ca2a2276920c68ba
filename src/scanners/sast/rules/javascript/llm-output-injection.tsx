// @ts-nocheck -- an annotated rule test: its imports are not installed
// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe

import { openai } from '@ai-sdk/openai';
import { ChatOpenAI } from '@langchain/openai';
import { generateText } from 'ai';
import DOMPurify from 'dompurify';

const model = new ChatOpenAI({ model: 'gpt-4o-mini' });

export async function Summary({ article }: { article: string }) {
  const reply = await model.invoke(`Summarise as HTML: ${article}`);
  return (
    <section
      // ruleid: sast/js-llm-output-injection
      dangerouslySetInnerHTML={{ __html: reply.content as string }}
    />
  );
}

export async function SafeSummary({ article }: { article: string }) {
  const reply = await model.invoke(`Summarise as HTML: ${article}`);
  return (
    <section
      // ok: sast/js-llm-output-injection
      dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(reply.content as string) }}
    />
  );
}

export async function PlainSummary({ article }: { article: string }) {
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: article });
  // ok: sast/js-llm-output-injection
  return <p>{text}</p>;
}

export async function renderInto(el: HTMLElement, article: string) {
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: article });
  // ruleid: sast/js-llm-output-injection
  el.innerHTML = `<div class="ai">${text}</div>`;
  // ok: sast/js-llm-output-injection
  el.textContent = text;
}
