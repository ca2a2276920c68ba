import { SIGNATURE_HEADER, signature, TIMESTAMP_HEADER } from '../sign.js';
import { JSON_TYPE, link, type OutgoingRequest, type RenderInput } from './request.js';

/**
 * Gatehouse's own JSON, signed: `X-Gatehouse-Signature` is the HMAC of "<timestamp>.<body>" with
 * the webhook's key, `X-Gatehouse-Timestamp` the signing time (a new one on every attempt).
 */
export function genericRequest(i: RenderInput): OutgoingRequest {
  const { path: _path, ...n } = i.notification;
  const body = JSON.stringify({ ...n, url: link(i) });
  const timestamp = Math.floor(i.now / 1000);
  const headers: Record<string, string> = {
    ...JSON_TYPE,
    'x-gatehouse-event': n.event,
    'x-gatehouse-delivery': i.deliveryId,
    [TIMESTAMP_HEADER]: String(timestamp),
  };
  if (i.hook.secret) headers[SIGNATURE_HEADER] = signature(i.hook.secret, timestamp, body);
  return { url: i.hook.url, headers, body };
}
