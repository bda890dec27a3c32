import type { MeetingSnapshot, Participant } from '../state/types';

/**
 * How long a remote participant whose peer link is lost stays in the meeting while the signalling
 * server is unreachable, before their tile goes. See the core README's "Recovery" section.
 */
export const DEPARTED_PEER_TIMEOUT_MS = 20_000;

/** Options of {@link watchDepartures}. */
export interface DepartureWatchOptions {
  getState: () => MeetingSnapshot;
  subscribe: (listener: (s: MeetingSnapshot, prev: MeetingSnapshot) => void) => () => void;
  /** How long a lost link may stay lost while signalling is down. @default DEPARTED_PEER_TIMEOUT_MS */
  timeoutMs?: number;
  /** The participant is taken as gone: drop their link and their tile. */
  onGone: (participantId: string) => void;
}

/** Signalling is down: the server cannot tell us who left, so the peer links are all we have. */
const signallingDown = (s: MeetingSnapshot) => s.connection === 'reconnecting' || s.connection === 'failed';

/** The link to them is not carrying anything (a rebuild needs the signalling that is down). */
const linkLost = (p: Participant | undefined) => p !== undefined && p.peerState !== 'connected';

/**
 * Removes a participant whose peer link stayed lost for `timeoutMs` while the signalling was down:
 * someone who closed their laptop or lost their network during a server outage would otherwise
 * stay as a frozen tile until the server is back. While signalling is up the server's roster
 * decides (its heartbeat notices a dead connection); a link that comes back, or signalling that
 * comes back, cancels the countdown — after a rejoin the server's roster is the truth again.
 * Returns the disposer.
 */
export function watchDepartures(o: DepartureWatchOptions): () => void {
  const timeoutMs = o.timeoutMs ?? DEPARTED_PEER_TIMEOUT_MS;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  function check() {
    const s = o.getState();
    const down = signallingDown(s);
    for (const [id, timer] of timers) {
      if (down && linkLost(s.remotes[id])) continue;
      clearTimeout(timer);
      timers.delete(id);
    }
    if (!down) return;
    for (const id of Object.keys(s.remotes)) {
      if (timers.has(id) || !linkLost(s.remotes[id])) continue;
      timers.set(
        id,
        setTimeout(() => {
          timers.delete(id);
          o.onGone(id);
        }, timeoutMs),
      );
    }
  }

  const unsubscribe = o.subscribe(check);
  check();
  return () => {
    unsubscribe();
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  };
}
