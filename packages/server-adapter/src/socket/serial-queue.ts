/**
 * Runs async work strictly one item after another — a socket's events, in arrival order, even
 * when the store answers asynchronously. A failing item never stops the ones behind it.
 */
export class SerialQueue {
  #tail: Promise<void> = Promise.resolve();
  readonly #onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void) {
    this.#onError = onError;
  }

  /** Queues `work`; resolves when it has run (never rejects: failures go to `onError`). */
  run(work: () => Promise<void> | void): Promise<void> {
    this.#tail = this.#tail.then(work).catch(this.#onError);
    return this.#tail;
  }

  /** Resolves when everything queued so far has run. */
  idle(): Promise<void> {
    return this.#tail;
  }
}
