import { index, type Json, key, type Shape } from './shape.js';

/**
 * The rules (reportingDescriptors) of a run's tool components: the driver and its extensions
 * (CodeQL keeps its rules in query-pack extensions). A result names its rule by index, by
 * `rule.toolComponent.index` + index, or only by id.
 */
export class RuleIndex {
  private readonly components: { rules: unknown[]; path: string }[];
  private byId: Map<string, Json> | undefined;

  constructor(
    private readonly shape: Shape,
    tool: Json,
    toolPath: string,
  ) {
    const driverPath = key(toolPath, 'driver');
    const driver = shape.object(tool.driver, driverPath);
    const extensions = shape.objects(tool.extensions, key(toolPath, 'extensions'));
    this.components = [
      { rules: shape.optArray(driver.rules, key(driverPath, 'rules')), path: key(driverPath, 'rules') },
      ...extensions.map((e) => ({
        rules: shape.optArray(e.item.rules, key(e.path, 'rules')),
        path: key(e.path, 'rules'),
      })),
    ];
  }

  /** The rule a result points at, or undefined when it names none that exists. */
  find(result: Json, resultPath: string): Json | undefined {
    const ref = this.shape.optObject(result.rule, key(resultPath, 'rule'));
    const position = result.ruleIndex ?? ref?.index;
    const component = this.shape.optObject(ref?.toolComponent, key(resultPath, 'rule.toolComponent'));
    const componentIndex = typeof component?.index === 'number' ? component.index + 1 : 0;
    if (typeof position === 'number' && position >= 0) {
      const found = this.at(componentIndex, position);
      if (found) return found;
    }
    const id = typeof result.ruleId === 'string' ? result.ruleId : ref?.id;
    return typeof id === 'string' ? this.ids().get(id) : undefined;
  }

  private at(component: number, position: number): Json | undefined {
    const c = this.components[component];
    const value = c?.rules[position];
    return value === undefined ? undefined : this.shape.object(value, index(c!.path, position));
  }

  /** Built on the first lookup by id only: most tools give indexes. First definition of an id wins. */
  private ids(): Map<string, Json> {
    if (this.byId) return this.byId;
    this.byId = new Map();
    for (const c of this.components)
      c.rules.forEach((value, i) => {
        const rule = this.shape.object(value, index(c.path, i));
        if (typeof rule.id === 'string' && !this.byId!.has(rule.id)) this.byId!.set(rule.id, rule);
      });
    return this.byId;
  }
}
