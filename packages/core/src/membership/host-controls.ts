import { MeetingError } from '../errors/meeting-error';
import type { MeetingInfo } from '../protocol/types';
import type { SignallingChannel } from '../signalling/channel';
import type { MeetingSnapshot } from '../state/types';

/**
 * What a host (the therapist) can do, enforced by the server: anyone else gets `forbidden`.
 * Each call resolves when the server has done it; the snapshot and events follow.
 *
 * @example
 * client.on('participant-waiting', ({ participant }) => notify(`${participant.displayName} is waiting`))
 * await client.host.admit(participantId)
 */
export interface MeetingHostControls {
  /** Let one waiting participant in. Rejects with `meeting-full` when there is no seat. */
  admit(participantId: string): Promise<void>;
  /** Let everyone who is waiting in; resolves with the ids let in (as many as there are seats). */
  admitAll(): Promise<string[]>;
  /** Refuse a waiting participant: they are told and leave the waiting room. */
  deny(participantId: string): Promise<void>;
  /** Take someone out of the meeting; they cannot rejoin until it ends. */
  remove(participantId: string): Promise<void>;
  /**
   * Ask someone to turn their microphone (or camera) off. Their client does it and tells them
   * why; in a peer-to-peer mesh this is cooperative, and turning it back on stays their choice.
   */
  requestMute(participantId: string, source?: 'microphone' | 'camera'): Promise<void>;
  /** Lock (nobody new may join or knock; hosts still can) or unlock the meeting. */
  setLocked(locked: boolean): Promise<MeetingInfo>;
  /** Move the scheduled end later by `minutes` (1–240). */
  extend(minutes: number): Promise<MeetingInfo>;
  /** End the meeting for everyone (`meeting-ended`, reason `ended-by-host`). */
  endForAll(): Promise<void>;
}

/** What `client.host` needs. */
export interface HostControlsOptions {
  assertUsable: () => void;
  getSnapshot: () => MeetingSnapshot;
  /** The channel of the current meeting, `null` when not in one. */
  channel: () => SignallingChannel | null;
}

const TIMEOUT_MS = 10_000;

/** Create `client.host`. Checks the role up front; the server enforces it regardless. */
export function createHostControls(o: HostControlsOptions): MeetingHostControls {
  function ready(): SignallingChannel {
    o.assertUsable();
    const channel = o.channel();
    const s = o.getSnapshot();
    if (!channel || s.admission !== 'admitted') throw new MeetingError('invalid-state', 'Join the meeting first');
    if (s.role !== 'host') throw new MeetingError('forbidden', 'Only a host can do that');
    return channel;
  }
  return {
    async admit(participantId) {
      await ready().request('admit-participant', { participantId }, TIMEOUT_MS);
    },
    async admitAll() {
      return (await ready().request('admit-participant', { all: true }, TIMEOUT_MS)).admitted;
    },
    async deny(participantId) {
      await ready().request('deny-participant', { participantId }, TIMEOUT_MS);
    },
    async remove(participantId) {
      await ready().request('remove-participant', { participantId }, TIMEOUT_MS);
    },
    async requestMute(participantId, source = 'microphone') {
      await ready().request('request-mute', { participantId, source }, TIMEOUT_MS);
    },
    setLocked: (locked) => ready().request('lock-meeting', { locked }, TIMEOUT_MS),
    extend: (minutes) => ready().request('extend-meeting', { minutes }, TIMEOUT_MS),
    async endForAll() {
      await ready().request('leave-meeting', { endForAll: true }, TIMEOUT_MS);
    },
  };
}
