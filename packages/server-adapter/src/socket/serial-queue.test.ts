import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serial-queue';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SerialQueue', () => {
  it('runs work one item after another, in order, past a failing item', async () => {
    const errors: unknown[] = [];
    const queue = new SerialQueue((error) => errors.push(error));
    const order: string[] = [];
    void queue.run(async () => {
      await tick(20);
      order.push('slow');
    });
    void queue.run(() => {
      throw new Error('broken');
    });
    const last = queue.run(() => {
      order.push('fast');
    });
    await last;
    expect(order).toEqual(['slow', 'fast']);
    expect(errors).toEqual([new Error('broken')]);
  });

  it('idle() waits for the work queued before the call; work queued later needs another idle()', async () => {
    const queue = new SerialQueue(() => undefined);
    const done: string[] = [];
    void queue.run(async () => {
      await tick(10);
      done.push('first');
      void queue.run(() => {
        done.push('queued from inside');
      });
    });
    await queue.idle();
    expect(done).toEqual(['first']);
    await queue.idle();
    expect(done).toEqual(['first', 'queued from inside']);
  });
});
