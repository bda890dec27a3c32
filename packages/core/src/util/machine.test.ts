import { describe, expect, it, vi } from 'vitest';
import { createMachine, type MachineConfig } from './machine';

type S = 'off' | 'on' | 'broken';
type E = { type: 'TOGGLE' } | { type: 'BREAK'; reason: string } | { type: 'PING' };

function config(log: string[]): MachineConfig<S, E, { reason: string | null }> {
  return {
    initial: 'off',
    states: {
      off: { on: { TOGGLE: { target: 'on' }, BREAK: { target: 'broken', actions: [(c, e) => (c.reason = e.reason)] } } },
      on: {
        effects: [
          () => {
            log.push('enter on');
            return () => log.push('exit on');
          },
        ],
        on: {
          TOGGLE: [{ target: 'off', guard: (c) => c.reason === null }, { target: 'broken' }],
          PING: { actions: [() => log.push('ping')] },
        },
      },
      broken: {},
    },
  };
}

describe('createMachine', () => {
  it('takes transitions from the table, runs effects on entry and their cleanup on exit', () => {
    const log: string[] = [];
    const m = createMachine(config(log), { reason: null });
    const changes = vi.fn();
    m.onChange(changes);
    expect(m.send({ type: 'TOGGLE' })).toBe(true);
    expect(m.state).toBe('on');
    expect(m.send({ type: 'PING' })).toBe(true);
    expect(m.state).toBe('on');
    m.send({ type: 'TOGGLE' });
    expect(m.state).toBe('off');
    expect(log).toEqual(['enter on', 'ping', 'exit on']);
    expect(changes.mock.calls).toEqual([
      ['on', 'off'],
      ['off', 'on'],
    ]);
  });

  it('ignores events the state does not handle and picks the first transition whose guard passes', () => {
    const m = createMachine(config([]), { reason: 'stuck' });
    expect(m.send({ type: 'PING' })).toBe(false);
    m.send({ type: 'TOGGLE' });
    m.send({ type: 'TOGGLE' });
    expect(m.state).toBe('broken');
  });

  it('queues events sent from effects until the current transition has finished', () => {
    type Q = 'a' | 'b' | 'c';
    const m = createMachine<Q, { type: 'NEXT' }, object>(
      {
        initial: 'a',
        states: {
          a: { effects: [(_c, send) => void send({ type: 'NEXT' })], on: { NEXT: { target: 'b' } } },
          b: { effects: [(_c, send) => void send({ type: 'NEXT' })], on: { NEXT: { target: 'c' } } },
          c: {},
        },
      },
      {},
    );
    expect(m.state).toBe('c');
  });

  it('stop() runs the cleanups once and ignores later events', () => {
    const log: string[] = [];
    const m = createMachine(config(log), { reason: null });
    m.send({ type: 'TOGGLE' });
    m.stop();
    m.stop();
    expect(m.send({ type: 'TOGGLE' })).toBe(false);
    expect(log).toEqual(['enter on', 'exit on']);
  });
});
