/** Thrown inside an analysis when its file's time budget is spent. */
export class BudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`analysis stopped after its ${budgetMs} ms budget`);
    this.name = 'BudgetExceeded';
  }
}

/**
 * A per-file deadline. `tick` is called for every node the taint walker visits; reading the
 * clock that often would cost more than the walk, so it is read every 512 ticks.
 */
export class Budget {
  private readonly deadline: number;
  private ticks = 0;

  constructor(readonly ms: number) {
    this.deadline = performance.now() + ms;
  }

  readonly tick = (): void => {
    if (++this.ticks % 512 === 0) this.check();
  };

  check(): void {
    if (performance.now() > this.deadline) throw new BudgetExceeded(this.ms);
  }
}
