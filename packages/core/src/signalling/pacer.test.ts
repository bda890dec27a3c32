import { describe, expect, it } from 'vitest';
import { createPacer } from './pacer';

describe('createPacer', () => {
  it('lets a burst through, queues the rest in order and drains at the rate', async () => {
    let t = 0;
    const pacer = createPacer(10, () => t); // 8 per second after the margin
    const sent: number[] = [];
    for (let i = 0; i < 12; i++) pacer.push(() => sent.push(i));
    expect(sent).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(pacer.queued).toBe(4);
    t = 500; // half a second: 4 more tokens
    await new Promise((r) => setTimeout(r, 200));
    expect(sent).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    pacer.clear();
  });
  it('clear() drops what is queued', () => {
    const pacer = createPacer(1, () => 0);
    const sent: number[] = [];
    pacer.push(() => sent.push(1));
    pacer.push(() => sent.push(2));
    pacer.clear();
    expect(sent).toEqual([]);
    expect(pacer.queued).toBe(0);
  });
});
