import type { IacParser } from '../parser.js';
import { loadTerraform } from './loader.js';

const EXTENSIONS = ['.tf', '.tf.json', '.tfvars', '.tfvars.json'];

/**
 * Terraform configurations (`.tf`, `.tf.json`) with their `terraform.tfvars` / `*.auto.tfvars`
 * (HCL or JSON), one document per root module.
 */
export const terraformParser: IacParser = {
  name: 'terraform',
  claims: (path) => EXTENSIONS.some((e) => path.endsWith(e)),
  parse: loadTerraform,
};
