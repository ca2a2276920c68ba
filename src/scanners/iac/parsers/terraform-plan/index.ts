import type { IacDocument } from '../../model.js';
import type { IacParser, ParseDiagnostic, ParseResult, SourceFile } from '../parser.js';
import { JsonSyntaxError, parseJsonWithLines } from './json-lines.js';
import { PlanReader } from './plan.js';

/**
 * `terraform show -json plan.out` output. Its resources are on the `terraform` platform, with
 * the types and value shapes of the configuration, so every Terraform rule also runs on plans.
 */
export const terraformPlanParser: IacParser = {
  name: 'terraform-plan',
  claims: (path) => path.endsWith('.json'),
  accepts: (text) =>
    text.includes('"format_version"') &&
    (text.includes('"planned_values"') || text.includes('"resource_changes"')),
  parse: parsePlans,
};

function parsePlans(files: readonly SourceFile[]): ParseResult {
  const documents: IacDocument[] = [];
  const diagnostics: ParseDiagnostic[] = [];
  for (const file of files) {
    try {
      const json = parseJsonWithLines(file.text);
      const plan = new PlanReader(file, json);
      documents.push({ platform: 'terraform', path: file.path, resources: plan.resources });
    } catch (e) {
      // A bug reading one plan must not cost the other plans their documents.
      if (e instanceof JsonSyntaxError)
        diagnostics.push({
          level: 'error',
          code: 'syntax-error',
          path: file.path,
          line: e.line,
          message: `invalid JSON: ${e.message}`,
        });
      else
        diagnostics.push({
          level: 'error',
          code: 'parser-failed',
          path: file.path,
          message: `terraform-plan: ${e}`,
        });
    }
  }
  return { documents, diagnostics };
}
