import type { MeetingClient, MeetingError, MeetingErrorCode, MeetingEvents, Participant } from '@mentara/meetings';

/** `detail` of the element's `joined` event. */
export interface MeetingJoinedDetail {
  /** The meeting joined. */
  meetingId: string;
  /** This person's participant id. */
  participantId: string;
  /** `true` when the connection dropped and this is the automatic rejoin. */
  rejoined: boolean;
  /** Everyone else already in the meeting (later arrivals come as `participant-joined`). */
  participants: readonly Participant[];
}

/** `detail` of the element's `left` event. */
export interface MeetingLeftDetail {
  /** The meeting this person left. */
  meetingId: string | null;
  /** Their participant id in it. */
  participantId: string;
}

/** `detail` of the element's `error` event: the `MeetingError`, with its fields at hand. */
export interface MeetingErrorDetail {
  /** Closed union of error codes, e.g. `permission-denied`, `signalling-unreachable`. */
  code: MeetingErrorCode;
  /** What happened, in English (for logs; show `hint` to the person). */
  message: string;
  /** Plain-language recovery hint (English), suitable to show to the person. */
  hint: string;
  /** Whether retrying may help. */
  recoverable: boolean;
  /** The error itself. */
  error: MeetingError;
}

/**
 * The DOM events of `<mentara-meeting>`, by name: each a `CustomEvent` with this `detail`.
 * All are `composed`; all bubble except `error`, which stays on the element like a native
 * `error` event (a bubbling one would reach `window.onerror` and error trackers as a script error).
 */
export interface MentaraMeetingElementEventMap {
  /** This person joined the meeting (`rejoined: true` after the connection dropped and came back). */
  joined: CustomEvent<MeetingJoinedDetail>;
  /** This person left: the Leave button, the element removed from the page, or `meeting-id` changed. */
  left: CustomEvent<MeetingLeftDetail>;
  /** The host ended the meeting (or it reached its scheduled end). */
  ended: CustomEvent<MeetingEvents['meeting-ended']>;
  /** Something failed: camera permission, server unreachable, a participant's connection… */
  error: CustomEvent<MeetingErrorDetail>;
  /** Someone else joined. */
  'participant-joined': CustomEvent<MeetingEvents['participant-joined']>;
  /** Someone else left (`reason`: `left`, `disconnected`, `removed`…). */
  'participant-left': CustomEvent<MeetingEvents['participant-left']>;
}

/** Names of the element's events. */
export type MentaraMeetingElementEventName = keyof MentaraMeetingElementEventMap;

type Detail<K extends MentaraMeetingElementEventName> = MentaraMeetingElementEventMap[K]['detail'];

function emit<K extends MentaraMeetingElementEventName>(target: EventTarget, name: K, detail: Detail<K>): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: name !== 'error', composed: true }));
}

/**
 * Re-dispatches `client`'s events on `target` as the element's DOM events; returns the function
 * that stops. `left` is read from the snapshot (the local participant going away), so it fires
 * however the leave came about.
 */
export function forwardMeetingEvents(client: MeetingClient, target: EventTarget): () => void {
  const stops = [
    // The snapshot already holds the roster the join answer brought.
    client.on('joined', (payload) => emit(target, 'joined', { ...payload, participants: client.getSnapshot().remoteParticipants })),
    client.on('meeting-ended', (payload) => emit(target, 'ended', payload)),
    client.on('participant-joined', (payload) => emit(target, 'participant-joined', payload)),
    client.on('participant-left', (payload) => emit(target, 'participant-left', payload)),
    client.on('error', ({ error }) =>
      emit(target, 'error', { code: error.code, message: error.message, hint: error.hint, recoverable: error.recoverable, error }),
    ),
    client.subscribe((next, previous) => {
      const self = previous.localParticipant;
      if (self && !next.localParticipant) emit(target, 'left', { meetingId: previous.meetingId, participantId: self.id });
    }),
  ];
  return () => stops.splice(0).forEach((stop) => stop());
}
