import type { WebhookFormat } from '../schema.js';
import { genericRequest } from './generic.js';
import { jiraRequest } from './jira.js';
import type { OutgoingRequest, RenderInput } from './request.js';
import { slackRequest } from './slack.js';

export type { OutgoingRequest, RenderInput } from './request.js';

/** How each webhook format turns a notification into one HTTP request. */
export const FORMATS: Record<WebhookFormat, (i: RenderInput) => OutgoingRequest> = {
  generic: genericRequest,
  slack: slackRequest,
  jira: jiraRequest,
};
