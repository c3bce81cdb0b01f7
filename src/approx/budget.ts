/**
 * A cooperative time budget for the constructions that can run for minutes:
 * fitted fields and isotopies (a ridge fit per splitting step, the splitting
 * chosen by doubling its steps, then the words). Their loops call `check()`
 * between units of work and say what they are doing with `stage` and
 * `detail`; past the deadline `check()` throws `OutOfTime`, which carries how
 * far the construction got. Nothing is killed from outside, so a caller (the
 * CLI, the playground's worker) gets a clean refusal and keeps running.
 */

/** A deadline that long loops check, and the progress they report if they pass it. */
export class TimeBudget {
  private readonly start: number;
  private stageText = 'starting';
  private detailText = '';
  private itemText = '';

  /**
   * @param seconds the allowance, counted from construction.
   * @param now the clock in milliseconds (tests pass a fake one).
   */
  constructor(
    readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(seconds > 0)) throw new RangeError(`a time budget needs a positive number of seconds, got ${seconds}`);
    this.start = now();
  }

  /** What the construction is doing now (clears the detail and the item). */
  stage(text: string): void {
    this.stageText = text;
    this.detailText = '';
    this.itemText = '';
  }

  /** Where inside the current stage the construction is (clears the item). */
  detail(text: string): void {
    this.detailText = text;
    this.itemText = '';
  }

  /** The unit of work inside the detail (e.g. one fit of a splitting being tried). */
  item(text: string): void {
    this.itemText = text;
  }

  /** How far the construction got, in words: the stage, its detail and the item. */
  progress(): string {
    return [this.stageText, this.detailText, this.itemText].filter((t) => t !== '').join('; ');
  }

  /** Seconds since the budget started. */
  elapsed(): number {
    return (this.now() - this.start) / 1000;
  }

  /** Throws `OutOfTime` once the allowance is spent. */
  check(): void {
    if (this.now() - this.start > this.seconds * 1000) throw new OutOfTime(this.seconds, this.progress());
  }
}

/** A construction ran past its time budget; `progress` says how far it got. */
export class OutOfTime extends Error {
  override readonly name = 'OutOfTime';
  constructor(
    readonly seconds: number,
    readonly progress: string,
  ) {
    super(`stopped after ${seconds} s, while ${progress}`);
  }
}
