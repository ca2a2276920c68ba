import openapiTS, { astToString } from 'openapi-typescript';
import { documentedRoutes } from './api-docs.js';
import { openApiDocument } from './openapi.js';

/**
 * web/src/api/openapi.d.ts: the dashboard's payload types, generated from the same OpenAPI
 * document the server publishes, so the two cannot drift (a test fails when it is stale).
 */
export async function webApiTypes(): Promise<string> {
  const doc = openApiDocument(documentedRoutes());
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0]);
  return `// Generated from the server's OpenAPI document by \`npm run docs:api\`; do not edit.\n\n${astToString(ast)}`;
}
