import { describe, expect, it } from 'vitest';
import { createMachine, type MachineConfig } from './machine';

type S = 'off' | 'on';
type E = { type: 'TOGGLE' } | { type: 'PING' };

describe('createMachine', () => {
  it('takes the first transition whose guard passes, runs state effects and their cleanups', () => {
    const log: string[] = [];
    const context = { locked: false, pings: 0 };
    const config: MachineConfig<S, E, typeof context> = {
      initial: 'off',
      states: {
        off: {
          on: { TOGGLE: [{ guard: (c) => c.locked }, { target: 'on', actions: [() => void log.push('action')] }] },
        },
        on: {
          effects: [
            () => {
              log.push('enter on');
              return () => void log.push('exit on');
            },
          ],
          on: { TOGGLE: { target: 'off' }, PING: { actions: [(c) => void (c.pings += 1)] } },
        },
      },
    };
    const machine = createMachine(config, context);
    const changes: string[] = [];
    machine.onChange((state, previous) => changes.push(`${previous}→${state}`));

    machine.send({ type: 'PING' }); // not handled in `off`
    machine.send({ type: 'TOGGLE' });
    machine.send({ type: 'PING' }); // handled in place: no exit, no entry
    machine.send({ type: 'TOGGLE' });
    context.locked = true;
    machine.send({ type: 'TOGGLE' }); // the guarded transition wins and stays
    expect(machine.state).toBe('off');
    expect(context.pings).toBe(1);
    expect(log).toEqual(['action', 'enter on', 'exit on']);
    expect(changes).toEqual(['off→on', 'on→off']);
  });

  it('queues events sent by an effect until the current one is handled, and stop() cleans up', () => {
    const log: string[] = [];
    const machine = createMachine<S, E, null>(
      {
        initial: 'off',
        states: {
          // Entering `off` immediately asks to go `on`: handled after the entry finished.
          off: {
            effects: [
              (_, send) => {
                send({ type: 'TOGGLE' });
                log.push('off entered');
              },
            ],
            on: { TOGGLE: { target: 'on' } },
          },
          on: { effects: [() => () => void log.push('on cleaned up')], on: {} },
        },
      },
      null,
    );
    expect(machine.state).toBe('on');
    expect(log).toEqual(['off entered']);
    machine.stop();
    machine.stop();
    machine.send({ type: 'TOGGLE' });
    expect(log).toEqual(['off entered', 'on cleaned up']);
    expect(machine.state).toBe('on');
  });
});
