import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { MeetingRoom, type ConnectionState, type MeetingClient, type MeetingRoomProps } from '@mentara/meetings';
import { forwardMeetingEvents } from './events';

/** Connection states in which no join or leave is under way. */
const RESTING: ReadonlySet<ConnectionState> = new Set<ConnectionState>(['idle', 'disconnected', 'failed']);

/** How long an unmounted room waits for its leave before destroying the client anyway. */
const LEAVE_TIMEOUT_MS = 10_000;

/** One `<MeetingRoom>` rendered into the element, with the client it runs on. */
export interface RoomMount {
  readonly client: MeetingClient;
  /** Render (or re-render) the room with these props; `client` is always the mount's own. */
  render(props: Omit<MeetingRoomProps, 'client'>): void;
  /**
   * Unmount the room. Its join is released, so the client leaves the meeting; then the events
   * stop and, when `owned`, the client is destroyed.
   */
  unmount(): void;
}

/**
 * Mounts a React root on `container` for `client` and re-dispatches the client's events on
 * `events` (the element) until the client has left after `unmount()`.
 */
export function mountRoom(container: Element, client: MeetingClient, options: { owned: boolean; events: EventTarget }): RoomMount {
  const root = createRoot(container);
  const stopEvents = forwardMeetingEvents(client, options.events);
  return {
    client,
    render: (props) => root.render(createElement(MeetingRoom, { ...props, client })),
    unmount() {
      root.unmount();
      void afterLeaving(client).then(() => {
        stopEvents();
        if (options.owned) client.destroy();
      });
    },
  };
}

/**
 * Resolves once `client` rests (no join or leave under way), at most {@link LEAVE_TIMEOUT_MS}
 * later. Looks after a macrotask: the unmounted room releases its join, and the leave starts
 * after the current microtasks.
 */
function afterLeaving(client: MeetingClient): Promise<void> {
  return new Promise((resolve) => {
    let unsubscribe = (): void => {};
    const done = (): void => {
      unsubscribe();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, LEAVE_TIMEOUT_MS);
    setTimeout(() => {
      if (RESTING.has(client.getSnapshot().connection)) return done();
      unsubscribe = client.subscribe((snapshot) => {
        if (RESTING.has(snapshot.connection)) done();
      });
    }, 0);
  });
}
