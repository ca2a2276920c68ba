import { PackageURL } from 'packageurl-js';
import { declaredLicenses, type LicenseSource } from './source.js';

const STRING = String.raw`(["'])([^"'\n]{1,200})\1`;
const NAME = new RegExp(String.raw`\.name\s*=\s*${STRING}`);
const VERSION = new RegExp(String.raw`\.version\s*=\s*${STRING}`);
const LICENSE = new RegExp(String.raw`\.license\s*=\s*${STRING}`);
const LICENSES = /\.licenses\s*=\s*\[([^\]\n]{0,1000})\]/;

/**
 * Installed gem specifications (`vendor/bundle/ruby/*\/specifications/*.gemspec`, as Bundler
 * writes them: literal strings). A gemspec that computes its name or version (`Foo::VERSION`)
 * is Ruby code, not data, and is skipped.
 */
export const rubyGemspec: LicenseSource = {
  name: 'RubyGems gemspec',
  matches: (path) => path.endsWith('.gemspec'),
  read(text) {
    const name = NAME.exec(text)?.[2];
    const version = VERSION.exec(text)?.[2];
    if (!name || !version) return undefined;
    const purl = new PackageURL('gem', undefined, name, version, undefined, undefined);
    return { purl: purl.toString(), licenses: declaredLicenses(gemLicenses(text)) };
  },
};

function gemLicenses(text: string): string[] {
  const list = LICENSES.exec(text)?.[1];
  if (list !== undefined) return [...list.matchAll(/(["'])([^"']+)\1/g)].map((m) => m[2]!);
  const single = LICENSE.exec(text)?.[2];
  return single ? [single] : [];
}
