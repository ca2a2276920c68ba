import { type IacObject, type IacResource, type IacValue, isUnknown } from '../../model.js';
import type { ParseDiagnostic } from '../parser.js';
import type { YamlDoc } from '../yaml-source.js';
import { resolve, type TemplateScope } from './intrinsics.js';
import { rebase } from './positions.js';

export interface TemplateRead {
  resources: IacResource[];
  diagnostics: ParseDiagnostic[];
}

const isObject = (v: IacValue | undefined): v is IacObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);

/** List-typed parameters (`CommaDelimitedList`, `List<AWS::EC2::Subnet::Id>`) hold comma-separated defaults. */
function parameterDefault(decl: IacValue): IacValue | undefined {
  if (!isObject(decl) || decl.Default === undefined || decl.Default === null) return undefined;
  const type = typeof decl.Type === 'string' ? decl.Type : '';
  const def = decl.Default;
  if (typeof def === 'string' && (type === 'CommaDelimitedList' || type.startsWith('List<')))
    return def.split(',').map((s) => s.trim());
  return def;
}

function scopeOf(template: IacObject, resources: IacObject): TemplateScope {
  const params = isObject(template.Parameters) ? template.Parameters : {};
  return {
    parameters: new Map(Object.entries(params).map(([k, v]) => [k, parameterDefault(v)])),
    resources: new Set(Object.keys(resources)),
    mappings: isObject(template.Mappings) ? template.Mappings : {},
  };
}

/**
 * One resource per entry of `Resources`; its value is its `Properties` with intrinsic functions
 * resolved. Resource attributes (`DependsOn`, `Condition`, `Metadata`, `DeletionPolicy`...) are
 * not properties and are left out, so no reserved key can ever shadow a property of the same name.
 */
export function readTemplate(doc: YamlDoc, path: string): TemplateRead {
  const out: TemplateRead = { resources: [], diagnostics: [] };
  const warn = (code: string, message: string, line = doc.line) =>
    out.diagnostics.push({ level: 'warning', code, path, line, message });
  const template = doc.value;
  if (!isObject(template) || !isObject(template.Resources)) {
    // The content check is a cheap guess; only a declared template deserves a warning.
    if (isObject(template) && 'AWSTemplateFormatVersion' in template)
      warn('invalid-template', 'CloudFormation template without a Resources map; skipped');
    return out;
  }
  const scope = scopeOf(template, template.Resources);
  for (const [id, decl] of Object.entries(template.Resources)) {
    const line = doc.positions.lineOf(['Resources', id], doc.line);
    if (!isObject(decl) || typeof decl.Type !== 'string' || decl.Type === '') {
      warn('missing-resource-type', `resource ${id} has no Type; skipped`, line);
      continue;
    }
    const { Properties: given = {}, ...attributes } = decl;
    if (!isObject(given))
      warn('invalid-properties', `resource ${id}: Properties is not a map; ignored`, line);
    const raw = isObject(given) ? given : {};
    const props = resolve(raw, scope);
    const { positions, lastLine } = rebase(doc.positions, ['Resources', id, 'Properties'], raw, line);
    out.resources.push({
      platform: 'cloudformation',
      type: decl.Type,
      kind: 'resource',
      name: id,
      address: id,
      path,
      line,
      endLine: Math.max(lastLine, rebase(doc.positions, ['Resources', id], attributes, line).lastLine),
      value: isObject(props) ? props : {},
      positions,
    });
  }
  return out;
}
