import { MeetingError } from '../errors/meeting-error';
import type { SignallingChannel } from '../signalling/channel';
import type { MeetingAction } from '../state/actions';

/** What the readiness of one membership works with. */
export interface ReadinessOptions {
  channel: SignallingChannel;
  dispatch: (action: MeetingAction) => void;
  reportError: (error: MeetingError) => void;
  /** Where the membership stands: in the meeting, waiting to be let in (or rejoining), or not in one. */
  phase: () => 'admitted' | 'waiting' | 'out';
  /** Our participant id while admitted. */
  selfId: () => string | null;
}

/**
 * The participant's readiness (`participant-ready`), which the server takes only from an admitted
 * participant (`not-admitted` otherwise). Chosen while waiting or rejoining, it is kept and
 * published right after admission; after a rejoin, where the server starts everyone as not
 * ready, the last choice is published again.
 */
export interface Readiness {
  /**
   * Admitted: publish now, resolves on the server's answer. Waiting or rejoining: keep it for
   * the admission and resolve. Not in a meeting (or still joining): `invalid-state`.
   */
  set(ready: boolean): Promise<void>;
  /** We are in the meeting and the server has us as `ready`: publish the kept choice when it differs. */
  admitted(serverReady: boolean): void;
}

const READY_TIMEOUT_MS = 10_000;

/** Create the readiness of one membership. */
export function createReadiness(o: ReadinessOptions): Readiness {
  /** The participant's last choice (`null`: none yet, the server's default stands). */
  let chosen: boolean | null = null;

  async function publish(ready: boolean) {
    await o.channel.request('participant-ready', { ready }, READY_TIMEOUT_MS);
    const id = o.selfId();
    if (id) o.dispatch({ type: 'participant-ready', participantId: id, ready });
  }

  return {
    async set(ready) {
      const phase = o.phase();
      if (phase === 'out') throw new MeetingError('invalid-state', 'Join the meeting first');
      chosen = ready;
      if (phase !== 'admitted') return;
      try {
        await publish(ready);
      } catch (error) {
        // The server already has us waiting again (a rejoin answered in the meantime): kept, as above.
        if (!(error instanceof MeetingError && error.code === 'not-admitted')) throw error;
      }
    },
    admitted(serverReady) {
      if (chosen === null || chosen === serverReady) return;
      publish(chosen).catch((error: unknown) => {
        // Moved out again before the answer: the next admission publishes it.
        if (error instanceof MeetingError && error.code === 'not-admitted') return;
        o.reportError(error instanceof MeetingError ? error : new MeetingError('internal', undefined, { cause: error }));
      });
    },
  };
}
