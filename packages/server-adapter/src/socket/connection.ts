import type { ParticipantLeftReason } from '@mentara/meetings-core/protocol';
import type { MeetingsLogger } from '../observability/logger';
import type { ClientEventHandlers } from './event-handler';
import { guardClientEvents, type EventGuardDeps } from './event-guard';
import { SerialQueue } from './serial-queue';
import type { MeetingsSocket } from './types';
import { coalesceWrites } from './write-coalescing';

/** What the connections of one attached server work with. */
export interface ConnectionDeps {
  guard: EventGuardDeps;
  handlers: ClientEventHandlers;
  /** Takes a socket's participant out of its meeting; a no-op when it is in none. */
  leave(socket: MeetingsSocket, reason: ParticipantLeftReason): Promise<void>;
  logger: MeetingsLogger;
  /**
   * Started on every new socket, in order (limits, token expiry, slow readers): each returns its
   * disposer, run on disconnect — or `null` when it refused the socket (it disconnected it).
   */
  watchers?: ReadonlyArray<(socket: MeetingsSocket) => (() => void) | null>;
}

/** The `/meetings` sockets of this server, each with its own event lane. */
export interface Connections {
  /** Wires a new socket: guarded client events on its lane; a disconnect counts as leaving (`disconnected`). */
  accept(socket: MeetingsSocket): void;
  /**
   * Makes every socket leave its meeting (while the adapter still reaches other nodes, so their
   * clients hear it), disconnects them, runs `release`, then waits for their lanes to drain.
   */
  close(release: () => Promise<void>): Promise<void>;
  /** How many sockets have an event lane (connected and not yet disconnected). */
  size(): number;
}

/** Creates the connection tracker of one attached server. */
export function createConnections(deps: ConnectionDeps): Connections {
  const lanes = new Map<MeetingsSocket, SerialQueue>();
  return {
    accept(socket) {
      coalesceWrites(socket.conn);
      const stops: Array<() => void> = [];
      for (const watch of deps.watchers ?? []) {
        const stop = watch(socket);
        if (!stop) {
          stops.forEach((s) => s());
          return;
        }
        stops.push(stop);
      }
      const queue = new SerialQueue((error) => deps.logger.error({ err: error, socketId: socket.id }, 'queued work failed'));
      lanes.set(socket, queue);
      guardClientEvents(deps.guard, socket, queue, deps.handlers);
      socket.on('disconnect', () => {
        stops.forEach((s) => s());
        lanes.delete(socket);
        void queue.run(() => deps.leave(socket, 'disconnected'), true);
      });
    },
    size: () => lanes.size,
    async close(release) {
      const open = [...lanes];
      await Promise.allSettled(open.map(([socket, queue]) => queue.run(() => deps.leave(socket, 'disconnected'))));
      for (const [socket] of open) socket.disconnect();
      await release();
      // Let each socket's queued work finish before the caller closes the store.
      await Promise.allSettled(open.map(([, queue]) => queue.idle()));
    },
  };
}
