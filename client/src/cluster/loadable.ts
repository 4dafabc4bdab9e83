// A value loaded in the background. While a reload runs the previous value stays visible (no
// "Loading…" flash on refresh); a reload started later wins over an earlier one still running.
export class Loadable<T> {
  value?: T;
  error?: unknown;
  private pending?: Promise<void>;
  private generation = 0;

  get loading(): boolean {
    return this.pending !== undefined;
  }

  get started(): boolean {
    return this.loading || this.value !== undefined || this.error !== undefined;
  }

  /** Starts loading; `settled` runs when this load's result is in place (not for superseded loads). */
  load(fn: () => Promise<T>, settled: () => void): void {
    const generation = ++this.generation;
    const run = async () => {
      try {
        const value = await fn();
        if (generation !== this.generation) return;
        this.value = value;
        this.error = undefined;
      } catch (error) {
        if (generation !== this.generation) return;
        this.value = undefined;
        this.error = error;
      }
      this.pending = undefined;
      settled();
    };
    this.pending = run();
  }

  /** Shows another Loadable's result until this one loads its own (a refreshed tree keeps its data on screen). */
  adopt(other: Loadable<T>): void {
    this.value = other.value;
    this.error = other.error;
  }

  /** Waits for the load in progress, if any. */
  async settled(): Promise<void> {
    while (this.pending) await this.pending;
  }
}
