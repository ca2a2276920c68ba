import { posix } from 'node:path';
import { type IacResource, type IacValue, isUnknown, Positions } from '../../model.js';
import type { Block, Expr } from '../hcl/index.js';
import { evaluateBody } from './body.js';
import type { Diagnostics } from './diagnostics.js';
import { applySteps, evaluateAttribute } from './evaluate.js';
import { type Instance, instancesOf, keySuffix, MAX_INSTANCES } from './expand.js';
import {
  attributeOf,
  type Declared,
  type Entry,
  localSource,
  type ModuleDecl,
  type ParsedFile,
} from './module.js';
import { type References, Scope, type Step } from './scope.js';
import { EvaluationError, newObject, toNum, toStr, unknownOf } from './values.js';

/** What every module instance of one document shares. */
export interface Load {
  modules: ReadonlyMap<string, ModuleDecl>;
  diags: Diagnostics;
  /** Resource instances the document may still have (a module with `count = 1000` calling one with `count = 1000`...). */
  budget: { left: number };
}

/** Local modules calling local modules deeper than this are not loaded. */
const MAX_MODULE_DEPTH = 16;
const PENDING = Symbol('pending');
type Memo = Map<string, IacValue | typeof PENDING>;

/** Meta-arguments: how many instances and where from, not settings of the resource. */
const RESOURCE_META = new Set(['count', 'for_each']);
const CALL_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

interface CallInstance extends Instance {
  module?: ModuleInstance;
}

interface Call {
  declared: Declared<Block>;
  /** `count` / `for_each` known: instances are addressed by key. */
  keyed: 'count' | 'for_each' | undefined;
  /** `count` / `for_each` not statically known. */
  unexpanded: boolean;
  /** The called module could be loaded (local source within the scan root). */
  loaded: boolean;
  instances: CallInstance[];
}

/**
 * One instance of a module: the root module of a directory, or a local module called from
 * another. It answers `var.*`, `local.*`, `module.*` and resource references, and lists the
 * resources it declares, those of the modules it calls included.
 */
export class ModuleInstance implements References {
  private readonly vars: Memo = new Map();
  private readonly locals: Memo = new Map();
  private readonly outputs: Memo = new Map();
  private readonly calls = new Map<string, Call>();
  private readonly scopes = new Map<ParsedFile, Scope>();

  constructor(
    private readonly load: Load,
    readonly decl: ModuleDecl,
    /** `module.net.` inside a called module, '' in a root. */
    readonly prefix: string,
    /** A called module: the caller's argument for a variable (undefined: not set). A root: undefined, tfvars apply. */
    private readonly input: ((name: string) => IacValue | undefined) | undefined,
    /** Module directories from the root to here. */
    private readonly chain: readonly string[],
  ) {}

  scope(file: ParsedFile): Scope {
    let s = this.scopes.get(file);
    if (!s) {
      s = Scope.root(file.text, this);
      this.scopes.set(file, s);
    }
    return s;
  }

  warn(message: string): void {
    this.load.diags.warn('terraform-evaluation', this.decl.dir, undefined, message);
  }

  resolve(root: string, steps: readonly Step[], node: Expr, scope: Scope): IacValue {
    const first = steps[0]?.attr;
    switch (root) {
      case 'var':
        return first === undefined
          ? unknownOf(scope.text(node))
          : applySteps(this.variable(first), steps.slice(1), node, scope);
      case 'local':
        return first === undefined
          ? unknownOf(scope.text(node))
          : applySteps(this.local(first), steps.slice(1), node, scope);
      case 'module':
        return this.moduleRef(steps, node, scope);
      case 'path':
        if (first === 'module') return applySteps(this.pathModule(), steps.slice(1), node, scope);
        if (first === 'root') return applySteps('.', steps.slice(1), node, scope);
        // Terraform runs in the root module's directory: `basename(path.cwd)` names it.
        if (first === 'cwd') return applySteps(this.chain[0]!, steps.slice(1), node, scope);
        return unknownOf(scope.text(node));
      case 'terraform':
        return first === 'workspace'
          ? applySteps('default', steps.slice(1), node, scope)
          : unknownOf(scope.text(node));
      case 'data':
        return this.resourceRef(
          `data.${first}.${steps[1]?.attr}`,
          steps.slice(2),
          node,
          scope,
          steps[1]?.attr,
        );
      case 'count':
      case 'each':
      case 'self':
        return unknownOf(scope.text(node));
      default:
        return this.resourceRef(`${root}.${first}`, steps.slice(1), node, scope, first);
    }
  }

  /** `aws_s3_bucket.logs.arn`, `data.x.y.json`: known only after apply; refs name the resource and its instance. */
  private resourceRef(
    base: string,
    rest: readonly Step[],
    node: Expr,
    scope: Scope,
    name: string | undefined,
  ): IacValue {
    if (name === undefined) return unknownOf(scope.text(node));
    const refs = [this.prefix + base];
    const key = rest[0]?.key;
    if (typeof key === 'number' || typeof key === 'string') refs.push(this.prefix + base + keySuffix(key));
    return unknownOf(scope.text(node), [], refs);
  }

  private pathModule(): string {
    return posix.relative(this.chain[0]!, this.decl.dir) || '.';
  }

  /** Evaluates once per name; a name met again while being evaluated is a cycle: Unknown. */
  private memo(memo: Memo, name: string, what: string, compute: () => IacValue): IacValue {
    const v = memo.get(name);
    if (v === PENDING) {
      this.load.diags.warn(
        'terraform-cycle',
        this.decl.dir,
        undefined,
        `${what} "${name}" depends on itself`,
      );
      return unknownOf(`${what}.${name}`);
    }
    if (v !== undefined) return v;
    memo.set(name, PENDING);
    try {
      const out = compute();
      memo.set(name, out);
      return out;
    } catch (e) {
      // An undeclared name: an error each time it is used, not a cycle.
      memo.delete(name);
      throw e;
    }
  }

  private variable(name: string): IacValue {
    return this.memo(this.vars, name, 'var', () => {
      const d = this.decl.variables.get(name);
      if (!d) return unknownOf(`var.${name}`);
      const given = this.given(name);
      const nullable = attributeOf(d.node.body, 'nullable')?.expr;
      const nonNull = nullable?.kind === 'literal' && nullable.value === false;
      if (given !== undefined && !(given === null && nonNull))
        return convert(given, attributeOf(d.node.body, 'type')?.expr);
      const def = attributeOf(d.node.body, 'default');
      return def ? evaluateAttribute(def.expr, this.scope(d.file)) : unknownOf(`var.${name}`);
    });
  }

  /** The value set by the caller (a called module) or by tfvars (a root); undefined when unset. */
  private given(name: string): IacValue | undefined {
    if (this.input) return this.input(name);
    const t = this.decl.tfvars.get(name);
    return t ? evaluateAttribute(t.node.expr, this.scope(t.file)) : undefined;
  }

  private local(name: string): IacValue {
    return this.memo(this.locals, name, 'local', () => {
      const d = this.decl.locals.get(name);
      if (!d) throw new EvaluationError(`no local value "${name}"`);
      return evaluateAttribute(d.node.expr, this.scope(d.file));
    });
  }

  private output(name: string): IacValue {
    return this.memo(this.outputs, name, 'output', () => {
      const d = this.decl.outputs.get(name);
      const value = d && attributeOf(d.node.body, 'value');
      if (!d || !value) throw new EvaluationError(`module has no output "${name}"`);
      return evaluateAttribute(value.expr, this.scope(d.file));
    });
  }

  private allOutputs(): IacValue {
    const o = newObject();
    for (const name of this.decl.outputs.keys()) o[name] = this.output(name);
    return o;
  }

  /** `module.x.out`: the output's value; an Unknown says `module.x.out` and keeps the refs from inside. */
  private moduleRef(steps: readonly Step[], node: Expr, scope: Scope): IacValue {
    const v = this.moduleValue(steps, node, scope);
    return isUnknown(v) ? unknownOf(scope.text(node), [v]) : v;
  }

  private moduleValue(steps: readonly Step[], node: Expr, scope: Scope): IacValue {
    const name = steps[0]?.attr;
    if (name === undefined || !this.decl.calls.has(name))
      throw new EvaluationError(`no module call "${name}"`);
    const call = this.call(name);
    const rest = steps.slice(1);
    if (!call.loaded || call.unexpanded)
      return unknownOf(scope.text(node), [], [`${this.prefix}module.${name}`]);
    if (!call.keyed) return call.instances[0]!.module!.outputPath(rest, node, scope);
    const key = rest[0]?.key;
    if (key !== undefined && !isUnknown(key)) {
      const k = call.keyed === 'count' ? toNum(key) : toStr(key);
      const inst = call.instances.find((i) => i.key === k);
      if (!inst) throw new EvaluationError(`module.${name} has no instance ${keySuffix(k)}`);
      return inst.module!.outputPath(rest.slice(1), node, scope);
    }
    const all =
      call.keyed === 'count'
        ? call.instances.map((i) => i.module!.allOutputs())
        : Object.assign(newObject(), ...call.instances.map((i) => ({ [i.key!]: i.module!.allOutputs() })));
    return applySteps(all, rest, node, scope);
  }

  private outputPath(steps: readonly Step[], node: Expr, scope: Scope): IacValue {
    const first = steps[0]?.attr;
    if (first !== undefined) return applySteps(this.output(first), steps.slice(1), node, scope);
    return applySteps(this.allOutputs(), steps, node, scope);
  }

  private call(name: string): Call {
    let call = this.calls.get(name);
    if (call) return call;
    const declared = this.decl.calls.get(name)!;
    const { node, file } = declared;
    const child = this.calledModule(declared);
    const instances: CallInstance[] = this.instances(declared);
    const keyed = attributeOf(node.body, 'count')
      ? 'count'
      : attributeOf(node.body, 'for_each')
        ? 'for_each'
        : undefined;
    const unexpanded = keyed !== undefined && instances.length === 1 && instances[0]!.key === undefined;
    call = { declared, keyed: unexpanded ? undefined : keyed, unexpanded, loaded: !!child, instances };
    this.calls.set(name, call);
    if (child)
      for (const inst of instances) {
        const scope = inst.vars ? this.scope(file).child(inst.vars) : this.scope(file);
        const input = (v: string) => {
          const attr = CALL_META.has(v) ? undefined : attributeOf(node.body, v);
          return attr && evaluateAttribute(attr.expr, scope);
        };
        const prefix = `${this.prefix}module.${name}${keySuffix(inst.key)}.`;
        inst.module = new ModuleInstance(this.load, child, prefix, input, [...this.chain, child.dir]);
      }
    return call;
  }

  /** The declarations of a local module (`source = "./x"`) inside the scan root; undefined otherwise. */
  private calledModule({ node, file }: Declared<Block>): ModuleDecl | undefined {
    const dir = localSource(this.decl.dir, node);
    if (dir === undefined) return undefined;
    const skipped = (code: string, msg: string, level: 'info' | 'warning' = 'info') => {
      this.load.diags.add(level, code, file.path, node.line, `module "${node.labels[0]}": ${msg}`);
      return undefined;
    };
    if (dir === '..' || dir.startsWith('../'))
      return skipped(
        'terraform-module-outside-root',
        `${dir} is outside the scan root; its resources are not checked`,
      );
    const child = this.load.modules.get(dir);
    if (!child)
      return skipped(
        'terraform-module-not-found',
        `no Terraform files in ${dir}; its resources are not checked`,
      );
    if (this.chain.includes(dir) || this.chain.length >= MAX_MODULE_DEPTH)
      return skipped(
        'terraform-module-recursion',
        `${dir} calls itself (directly or through other modules); not loaded`,
        'warning',
      );
    return child;
  }

  private instances({ node, file }: Declared<Block>, scope = this.scope(file)): Instance[] {
    return instancesOf(node, scope, (wanted) =>
      this.load.diags.warn(
        'terraform-instance-limit',
        file.path,
        node.line,
        `${node.labels.join('.')} makes ${wanted} instances; only the first ${MAX_INSTANCES} are checked`,
      ),
    );
  }

  /** The resources this instance declares, in source order, with those of the modules it calls. */
  resources(): IacResource[] {
    const out: IacResource[] = [];
    for (const entry of this.decl.entries) {
      if (this.load.budget.left <= 0) {
        this.load.diags.warn(
          'terraform-resource-limit',
          this.decl.dir,
          undefined,
          'too many resource instances; the rest are not checked',
        );
        break;
      }
      if (entry.kind === 'module') this.moduleResources(entry, out);
      else if (entry.kind === 'provider') out.push(this.provider(entry));
      else for (const inst of this.instances(entry)) out.push(this.resource(entry, inst));
    }
    return out;
  }

  private make(
    entry: Entry,
    type: string,
    name: string,
    address: string,
    inst: Instance,
    skip?: ReadonlySet<string>,
  ): IacResource {
    this.load.budget.left--;
    const positions = new Positions();
    const base = this.scope(entry.file);
    const value = evaluateBody(
      entry.node.body,
      inst.vars ? base.child(inst.vars) : base,
      [],
      positions,
      skip,
    );
    // `provider = aws.west` names a provider configuration: its text, not a reference to resolve.
    const provider = entry.kind === 'provider' ? undefined : attributeOf(entry.node.body, 'provider')?.expr;
    if (provider?.kind === 'getattr' || provider?.kind === 'variable') value.provider = base.text(provider);
    return {
      platform: 'terraform',
      type,
      kind: entry.kind,
      name,
      address: this.prefix + address,
      path: entry.file.path,
      line: entry.node.line,
      endLine: entry.node.endLine,
      value,
      positions,
    };
  }

  private resource(entry: Entry, inst: Instance): IacResource {
    const [type, name] = entry.node.labels as [string, string];
    const address = `${entry.kind === 'data' ? 'data.' : ''}${type}.${name}${keySuffix(inst.key)}`;
    return this.make(entry, type, name, address, inst, RESOURCE_META);
  }

  private provider(entry: Entry): IacResource {
    const type = entry.node.labels[0]!;
    const alias = attributeOf(entry.node.body, 'alias')?.expr;
    const name = alias?.kind === 'literal' && typeof alias.value === 'string' ? alias.value : undefined;
    return this.make(entry, type, name ?? type, `provider.${type}${name ? `.${name}` : ''}`, {});
  }

  private moduleResources(entry: Entry, out: IacResource[]): void {
    const name = entry.node.labels[0]!;
    const call = this.call(name);
    for (const inst of call.instances) {
      out.push(this.make(entry, 'module', name, `module.${name}${keySuffix(inst.key)}`, inst, RESOURCE_META));
      if (inst.module) out.push(...inst.module.resources());
    }
  }
}

/** The caller's value as the variable's declared primitive type (`"8080"` for a number). */
function convert(v: IacValue, type: Expr | undefined): IacValue {
  if (type?.kind !== 'variable' || v === null || typeof v === 'object') return v;
  try {
    if (type.name === 'string') return toStr(v);
    if (type.name === 'number') return toNum(v);
    if (type.name === 'bool' && (v === 'true' || v === 'false')) return v === 'true';
  } catch {
    // Terraform would reject the value; keep it as written.
  }
  return v;
}
