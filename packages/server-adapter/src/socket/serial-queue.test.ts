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

describe('SerialQueue.runFree', () => {
  it('runs free work at once, past slow ordinary work, but behind a held item', async () => {
    const queue = new SerialQueue(() => undefined);
    const order: string[] = [];
    void queue.run(async () => {
      await tick(20);
      order.push('chat');
    });
    queue.runFree(() => {
      order.push('signal-1');
    });
    expect(order).toEqual(['signal-1']);
    void queue.run(async () => {
      await tick(20);
      order.push('join');
    }, true);
    queue.runFree(() => {
      order.push('signal-2');
    });
    expect(order).toEqual(['signal-1']);
    await queue.idle();
    expect(order).toEqual(['signal-1', 'chat', 'join', 'signal-2']);
  });

  it('keeps free items in order when one of them waits on a promise, and reports failures', async () => {
    const errors: unknown[] = [];
    const queue = new SerialQueue((error) => errors.push(error));
    const order: string[] = [];
    queue.runFree(async () => {
      await tick(20);
      order.push('looked up');
    });
    queue.runFree(() => {
      order.push('next');
    });
    queue.runFree(() => {
      throw new Error('broken');
    });
    expect(order).toEqual([]);
    await queue.idle();
    expect(order).toEqual(['looked up', 'next']);
    expect(errors).toEqual([new Error('broken')]);
    queue.runFree(() => {
      order.push('free again');
    });
    expect(order.at(-1)).toBe('free again');
  });
});
