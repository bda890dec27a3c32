import '../test-utils/cleanup';
import { StrictMode } from 'react';
import { act, render, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MeetingClient } from '@mentara/meetings-core';
import { lobbyClient } from '../test-utils/simulated';
import { MeetingProvider } from './meeting-provider';
import { useMeetingClient } from './meeting-context';
import { joinCoordinatorFor } from './join-coordinator';

const created: MeetingClient[] = [];
vi.mock('@mentara/meetings-core', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@mentara/meetings-core')>();
  return {
    ...actual,
    createMeetingClient: vi.fn(() => {
      const client = lobbyClient();
      created.push(client);
      return client;
    }),
  };
});

function flush() {
  return act(() => new Promise((resolve) => setTimeout(resolve, 10)));
}

/** A simulated client with its lifecycle methods spied on. */
function spiedClient() {
  const client = lobbyClient();
  return {
    client,
    join: vi.spyOn(client, 'join'),
    leave: vi.spyOn(client, 'leave'),
    destroy: vi.spyOn(client, 'destroy'),
  };
}

describe('MeetingProvider', () => {
  it('joins exactly once under StrictMode and leaves on unmount', async () => {
    const { client, join, leave, destroy } = spiedClient();
    const view = render(
      <StrictMode>
        <MeetingProvider client={client} meetingId="room-7">
          <p>inside</p>
        </MeetingProvider>
      </StrictMode>,
    );
    await flush();
    expect(join).toHaveBeenCalledTimes(1);
    expect(join).toHaveBeenCalledWith('room-7', undefined);
    expect(client.getSnapshot().connection).toBe('connected');
    view.unmount();
    await flush();
    expect(leave).toHaveBeenCalledTimes(1);
    expect(client.getSnapshot().connection).toBe('disconnected');
    expect(destroy).not.toHaveBeenCalled();
  });

  it('ref-counts two providers sharing one client', async () => {
    const { client, join, leave } = spiedClient();
    const view = render(
      <>
        <MeetingProvider client={client} />
        <MeetingProvider client={client} />
      </>,
    );
    await flush();
    expect(join).toHaveBeenCalledTimes(1);
    view.rerender(<MeetingProvider client={client} />);
    await flush();
    expect(leave).not.toHaveBeenCalled();
    view.unmount();
    await flush();
    expect(leave).toHaveBeenCalledTimes(1);
  });

  it('does not join while join={false}, then joins when it turns true', async () => {
    const { client, join } = spiedClient();
    const view = render(<MeetingProvider client={client} join={false} />);
    await flush();
    expect(join).not.toHaveBeenCalled();
    view.rerender(<MeetingProvider client={client} join />);
    await flush();
    expect(join).toHaveBeenCalledTimes(1);
  });

  it('serialises: a release during an in-flight join leaves after the join completes', async () => {
    const { client, join, leave } = spiedClient();
    const coordinator = joinCoordinatorFor(client);
    const release = coordinator.acquire();
    await Promise.resolve();
    await Promise.resolve();
    expect(join).toHaveBeenCalledTimes(1);
    release();
    await coordinator.settled();
    expect(leave).toHaveBeenCalledTimes(1);
    expect(client.getSnapshot().connection).toBe('disconnected');
  });

  it('retries a failed join only on a new acquisition', async () => {
    const { client, join, leave } = spiedClient();
    join.mockRejectedValueOnce(new Error('offline'));
    const coordinator = joinCoordinatorFor(client);
    const release = coordinator.acquire();
    await coordinator.settled();
    expect(join).toHaveBeenCalledTimes(1);
    const again = coordinator.acquire();
    await coordinator.settled();
    expect(join).toHaveBeenCalledTimes(2);
    release();
    again();
    await coordinator.settled();
    expect(leave).toHaveBeenCalledTimes(1);
  });

  it('creates a client from options under StrictMode and destroys it after unmount', async () => {
    created.length = 0;
    let seen: MeetingClient | undefined;
    function Probe() {
      seen = useMeetingClient();
      return null;
    }
    const view = render(
      <StrictMode>
        <MeetingProvider options={{ serverUrl: 'http://127.0.0.1:1', meetingId: 'm1' }}>
          <Probe />
        </MeetingProvider>
      </StrictMode>,
    );
    const used = created.find((c) => c === seen);
    expect(used).toBeDefined();
    const destroy = vi.spyOn(used!, 'destroy');
    await flush();
    expect(used!.getSnapshot().connection).toBe('connected');
    expect(destroy).not.toHaveBeenCalled();
    view.unmount();
    await waitFor(() => expect(destroy).toHaveBeenCalledTimes(1));
    expect(used!.getSnapshot().connection).toBe('disconnected');
  });

  it('throws a clear error when hooks are used outside a provider', () => {
    function Orphan() {
      useMeetingClient();
      return null;
    }
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Orphan />)).toThrow(/inside <MeetingProvider>/);
  });
});
