import type { Notification } from '../events.js';
import type { LiveWebhook } from '../webhooks.js';

/** One HTTP POST a format asks for. */
export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface RenderInput {
  hook: LiveWebhook;
  deliveryId: string;
  notification: Notification;
  /** GATEHOUSE_PUBLIC_URL: links are relative without it. */
  baseUrl: string;
  now: number;
}

export function link(i: RenderInput): string {
  return `${i.baseUrl.replace(/\/+$/, '')}${i.notification.path}`;
}

export const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
