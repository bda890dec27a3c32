import '../test-utils/cleanup';
import { StrictMode } from 'react';
import { act, render, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createTestClient, type TestClient } from '../test-utils/test-client';
import { MeetingProvider } from './meeting-provider';
import { useMeetingClient } from './meeting-context';
import { joinCoordinatorFor } from './join-coordinator';

const created: TestClient[] = [];
vi.mock('@mentara/meetings-core', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@mentara/meetings-core')>();
  return {
    ...actual,
    createMeetingClient: vi.fn(() => {
      const client = createTestClient();
      created.push(client);
      return client;
    }),
  };
});

function flush() {
  return act(() => new Promise((resolve) => setTimeout(resolve, 10)));
}

describe('MeetingProvider', () => {
  it('joins exactly once under StrictMode and leaves on unmount', async () => {
    const client = createTestClient();
    const view = render(
      <StrictMode>
        <MeetingProvider client={client} meetingId="room-7">
          <p>inside</p>
        </MeetingProvider>
      </StrictMode>,
    );
    await flush();
    expect(client.calls.join).toBe(1);
    expect(client.getSnapshot().meetingId).toBe('room-7');
    view.unmount();
    await flush();
    expect(client.calls.leave).toBe(1);
    expect(client.calls.destroy).toBe(0);
  });

  it('ref-counts two providers sharing one client', async () => {
    const client = createTestClient();
    const view = render(
      <>
        <MeetingProvider client={client} />
        <MeetingProvider client={client} />
      </>,
    );
    await flush();
    expect(client.calls.join).toBe(1);
    view.rerender(<MeetingProvider client={client} />);
    await flush();
    expect(client.calls.leave).toBe(0);
    view.unmount();
    await flush();
    expect(client.calls.leave).toBe(1);
  });

  it('does not join while join={false}, then joins when it turns true', async () => {
    const client = createTestClient();
    const view = render(<MeetingProvider client={client} join={false} />);
    await flush();
    expect(client.calls.join).toBe(0);
    view.rerender(<MeetingProvider client={client} join />);
    await flush();
    expect(client.calls.join).toBe(1);
  });

  it('serialises: a release during an in-flight join leaves after the join completes', async () => {
    const client = createTestClient();
    const release = joinCoordinatorFor(client).acquire();
    await Promise.resolve();
    release();
    await joinCoordinatorFor(client).settled();
    expect(client.calls).toMatchObject({ join: 1, leave: 1 });
    expect(client.getSnapshot().connection).toBe('disconnected');
  });

  it('retries a failed join only on a new acquisition', async () => {
    const client = createTestClient();
    const join = vi.spyOn(client, 'join').mockRejectedValueOnce(new Error('offline'));
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
    expect(client.calls.leave).toBe(1);
  });

  it('creates a client from options under StrictMode and destroys it after unmount', async () => {
    created.length = 0;
    let seen: unknown;
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
    await flush();
    const used = created.find((c) => c === seen);
    expect(used).toBeDefined();
    expect(used?.calls.join).toBe(1);
    expect(used?.calls.destroy).toBe(0);
    view.unmount();
    await waitFor(() => expect(used?.calls.destroy).toBe(1));
    expect(used?.calls.leave).toBe(1);
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
