const settled: Promise<void> = Promise.resolve();

/** Whether a handler's result is a promise (anything with `then`). */
export const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';

/**
 * Runs a socket's events strictly one after another, in arrival order, even when the store
 * answers asynchronously — except events that only need ordering with membership changes and with
 * each other (relayed signals, see {@link SerialQueue.runFree}): those run at once when nothing
 * they must wait for is queued. A failing item never stops the ones behind it.
 */
export class SerialQueue {
  #tail: Promise<void> = settled;
  /** Queued items that free work must wait for (membership changes, and free work itself). */
  #holding = 0;
  readonly #onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void) {
    this.#onError = onError;
  }

  /**
   * Queues `work` behind everything queued so far; resolves when it has run (never rejects:
   * failures go to `onError`). With `holds`, free work arriving meanwhile queues behind it too.
   */
  run(work: () => Promise<void> | void, holds = false): Promise<void> {
    const done = this.#tail.then(work).catch(this.#onError);
    if (!holds) return (this.#tail = done);
    this.#holding += 1;
    return (this.#tail = done.finally(() => {
      this.#holding -= 1;
    }));
  }

  /**
   * Runs `work` now when no held item is queued (the common case: no promise, no wait), or queues
   * it when one is. Work that returns a promise holds later free work, and later queued work, until
   * it settles, so free items keep their order among themselves.
   */
  runFree(work: () => Promise<void> | void): void {
    if (this.#holding > 0) {
      void this.run(work, true);
      return;
    }
    let result: Promise<void> | void;
    try {
      result = work();
    } catch (error) {
      this.#onError(error);
      return;
    }
    if (!isThenable(result)) return;
    const pending = Promise.resolve(result).catch(this.#onError);
    this.#holding += 1;
    this.#tail = Promise.all([this.#tail, pending]).then(
      () => {
        this.#holding -= 1;
      },
      () => {
        this.#holding -= 1;
      },
    );
  }

  /** Resolves when everything queued so far has run. */
  idle(): Promise<void> {
    return this.#tail;
  }
}
