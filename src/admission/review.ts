import { z } from 'zod';

/** The part of an `admission.k8s.io/v1` AdmissionReview request the webhook reads. */
const reviewSchema = z.object({
  apiVersion: z.literal('admission.k8s.io/v1', { error: 'apiVersion must be admission.k8s.io/v1' }),
  kind: z.literal('AdmissionReview', { error: 'kind must be AdmissionReview' }),
  request: z.object({
    uid: z.string().min(1),
    kind: z.object({ group: z.string(), version: z.string(), kind: z.string() }),
    namespace: z.string().optional(),
    name: z.string().optional(),
    operation: z.enum(['CREATE', 'UPDATE', 'DELETE', 'CONNECT']),
    object: z.unknown().optional(),
    dryRun: z.boolean().optional(),
  }),
});

export type AdmissionRequest = z.output<typeof reviewSchema>['request'];

/** A request the webhook cannot read: answered with HTTP 400 and this message. */
export class ReviewError extends Error {}

export function parseReview(body: unknown): AdmissionRequest {
  const r = reviewSchema.safeParse(body);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new ReviewError(`${i.path.join('.') || 'body'}: ${i.message}`);
  }
  return r.data.request;
}

export interface AdmissionResponse {
  uid: string;
  allowed: boolean;
  status?: { code: number; message: string };
  warnings?: string[];
  auditAnnotations?: Record<string, string>;
}

export function reviewResponse(response: AdmissionResponse): object {
  return { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response };
}
