import { describe, expect, it, vi } from 'vitest';
import { lobbyClient } from '../test-utils/simulated';
import { joinCoordinatorFor } from './join-coordinator';

function spied() {
  const client = lobbyClient();
  return { client, join: vi.spyOn(client, 'join'), leave: vi.spyOn(client, 'leave'), coordinator: joinCoordinatorFor(client) };
}

describe('join coordinator', () => {
  it('counts a synchronous release and re-acquire as one user: one join, no leave', async () => {
    const { join, leave, coordinator } = spied();
    const first = coordinator.acquire('room-1');
    first();
    const second = coordinator.acquire();
    expect(coordinator.state).toBe('idle');
    await coordinator.settled();
    expect(coordinator.state).toBe('joined');
    expect(join).toHaveBeenCalledTimes(1);
    expect(join).toHaveBeenCalledWith('room-1', undefined);

    // The same burst while joined (a provider re-running its effect with new props) changes nothing.
    second();
    const third = coordinator.acquire();
    await coordinator.settled();
    expect(coordinator.state).toBe('joined');
    expect(join).toHaveBeenCalledTimes(1);
    expect(leave).not.toHaveBeenCalled();
    third();
    await coordinator.settled();
    expect(coordinator.state).toBe('idle');
    expect(leave).toHaveBeenCalledTimes(1);
  });

  it('finishes the operation in flight before the next: leave after a join, join again after a leave', async () => {
    const { client, join, leave, coordinator } = spied();
    const release = coordinator.acquire();
    await Promise.resolve();
    expect(coordinator.state).toBe('joining');
    release();
    await Promise.resolve();
    // Still joining: the leave waits for the join to complete.
    expect(coordinator.state).toBe('joining');
    expect(leave).not.toHaveBeenCalled();
    await coordinator.settled();
    expect(coordinator.state).toBe('idle');
    expect(leave).toHaveBeenCalledTimes(1);

    const again = coordinator.acquire();
    await coordinator.settled();
    again();
    await Promise.resolve();
    expect(coordinator.state).toBe('leaving');
    const back = coordinator.acquire('room-2', { displayName: 'Interpreter' });
    await coordinator.settled();
    expect(coordinator.state).toBe('joined');
    expect(join).toHaveBeenCalledTimes(3);
    expect(join).toHaveBeenLastCalledWith('room-2', { displayName: 'Interpreter' });
    expect(client.getSnapshot().localParticipant?.displayName).toBe('Interpreter');
    back();
    await coordinator.settled();
  });

  it('stays failed after a failed join until someone acquires again', async () => {
    const { join, coordinator } = spied();
    join.mockRejectedValueOnce(new Error('offline'));
    const release = coordinator.acquire();
    await coordinator.settled();
    expect(coordinator.state).toBe('failed');
    release();
    const other = coordinator.acquire();
    other();
    await coordinator.settled();
    // A burst that ends with nobody holding does not retry.
    expect(join).toHaveBeenCalledTimes(1);
    expect(coordinator.state).toBe('idle');

    const retry = coordinator.acquire();
    await coordinator.settled();
    expect(join).toHaveBeenCalledTimes(2);
    expect(coordinator.state).toBe('joined');
    expect(coordinator.holders).toBe(1);
    retry();
    retry();
    expect(coordinator.holders).toBe(0);
    await coordinator.settled();
    expect(coordinator.state).toBe('idle');
  });
});
