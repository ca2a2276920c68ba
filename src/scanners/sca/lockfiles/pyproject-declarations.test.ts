import { describe, expect, it } from 'vitest';
import type { LockfileWarning } from './parser.js';
import { readProjectDeclarations, requirementName } from './pyproject-declarations.js';

function read(pyproject: string | undefined, lockPath = 'app/uv.lock') {
  const warnings: LockfileWarning[] = [];
  const input = {
    path: lockPath,
    text: '',
    readFile: (p: string) => (p === 'app/pyproject.toml' ? pyproject : undefined),
  };
  const declarations = readProjectDeclarations(input, warnings);
  return {
    direct: declarations && [...declarations.direct].sort(),
    devGroups: declarations && [...declarations.devGroups].sort(),
    warnings,
  };
}

describe('readProjectDeclarations', () => {
  it('collects PEP 621, PEP 735, poetry, pdm and uv declarations', () => {
    const pyproject = `
[project]
dependencies = ["Requests[socks]>=2; python_version>'3.8'", "attrs"]
[project.optional-dependencies]
cli = ["click"]
[dependency-groups]
test = ["pytest", { include-group = "lint" }]
lint = ["ruff"]
[tool.poetry.dependencies]
python = "^3.10"
Django = "^4"
[tool.poetry.group.docs.dependencies]
sphinx = "*"
[tool.pdm.dev-dependencies]
typing = ["mypy"]
[tool.uv]
dev-dependencies = ["black"]
`;
    expect(read(pyproject)).toEqual({
      direct: ['attrs', 'black', 'click', 'django', 'mypy', 'pytest', 'requests', 'ruff', 'sphinx'],
      devGroups: ['dev', 'docs', 'lint', 'test', 'typing'],
      warnings: [],
    });
  });

  it('is undefined without a pyproject.toml and warns when it is broken', () => {
    expect(read(undefined).direct).toBeUndefined();
    const broken = read('[project\n');
    expect(broken.direct).toBeUndefined();
    expect(broken.warnings[0]!.message).toMatch(/^app\/pyproject\.toml: not valid TOML/);
  });

  it('reads the name of a PEP 508 requirement', () => {
    expect(requirementName('  zope.interface (>=5)')).toBe('zope.interface');
    expect(requirementName(3)).toBeUndefined();
    expect(requirementName('>=1')).toBeUndefined();
  });
});
