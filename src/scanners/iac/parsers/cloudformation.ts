import { readTemplate } from './cloudformation/template.js';
import type { IacParser, ParseResult, SourceFile } from './parser.js';
import { readYaml } from './yaml-source.js';

const NAME = /\.(ya?ml|json|template)$/i;
const VERSION = /\bAWSTemplateFormatVersion\b/;
const RESOURCES = /(^|[{,])\s*"?Resources"?\s*:/m;
const AWS_TYPE = /"?Type"?\s*:\s*["']?AWS::/;

/**
 * AWS CloudFormation and SAM templates, YAML or JSON: one document per template, one resource
 * per logical id. Nested stacks and macros are not expanded.
 */
export const cloudformationParser: IacParser = {
  name: 'cloudformation',
  claims: (path) => NAME.test(path),
  accepts: (text) => VERSION.test(text) || (RESOURCES.test(text) && AWS_TYPE.test(text)),
  parse(files: readonly SourceFile[]): ParseResult {
    const out: ParseResult = { documents: [], diagnostics: [] };
    for (const f of files) {
      const { docs, diagnostics } = readYaml(f.text, f.path);
      out.diagnostics.push(...diagnostics);
      for (const doc of docs) {
        const t = readTemplate(doc, f.path);
        out.diagnostics.push(...t.diagnostics);
        if (t.resources.length > 0)
          out.documents.push({ platform: 'cloudformation', path: f.path, resources: t.resources });
      }
    }
    return out;
  },
};
