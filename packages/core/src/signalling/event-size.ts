import { MeetingError } from '../errors/meeting-error';
import { MAX_EVENT_BYTES, MEETINGS_NAMESPACE } from '../protocol/events';

/** Room for what Socket.IO adds around the JSON: packet type, namespace, acknowledgement id. */
const PACKET_OVERHEAD = MEETINGS_NAMESPACE.length + 16;

/**
 * An event sent within this long before the transport closed, and at least this large, is taken
 * as the reason a server with a smaller frame limit than `MAX_EVENT_BYTES` closed it.
 */
export const LARGE_EVENT_BYTES = 64 * 1024;

/**
 * The encoded size of an event, in bytes: the UTF-8 length of its JSON plus the packet's
 * framing. A string short enough that even 3 bytes per character fit the limit is counted by
 * its length alone, so the hot path (signals, a few KB) never encodes to bytes.
 */
export function encodedEventBytes(event: string, payload: unknown): number {
  const json = JSON.stringify(payload === undefined ? [event] : [event, payload]);
  const bytes = json.length * 3 + PACKET_OVERHEAD <= MAX_EVENT_BYTES ? json.length : new TextEncoder().encode(json).byteLength;
  return bytes + PACKET_OVERHEAD;
}

/** The error for an event over `MAX_EVENT_BYTES`, or for one the server closed the connection over. */
export function payloadTooLarge(event: string, bytes: number | undefined): MeetingError {
  const size = bytes === undefined ? '' : ` (${Math.ceil(bytes / 1024)} KB)`;
  return new MeetingError('payload-too-large', `The ${event} message${size} is larger than the meeting server accepts and was not delivered`);
}

/** Remembers the last large event sent, to explain a transport close right after it. */
export interface LargeEventWatch {
  /** Notes an event that went out (only large ones are remembered). */
  note(event: string, bytes: number): void;
  /**
   * `payload-too-large` when the socket closed for a transport reason within 2 s of a large
   * event (the server dropped the WebSocket over the frame's size, code 1009); else `undefined`.
   */
  closedOverSize(reason: string): MeetingError | undefined;
}

/** Creates the watch of one channel. */
export function watchLargeEvents(now: () => number = Date.now): LargeEventWatch {
  let last: { event: string; bytes: number; at: number } | undefined;
  return {
    note(event, bytes) {
      if (bytes >= LARGE_EVENT_BYTES) last = { event, bytes, at: now() };
    },
    closedOverSize(reason) {
      if (reason !== 'transport close' && reason !== 'transport error') return undefined;
      if (!last || now() - last.at > 2_000) return undefined;
      const error = payloadTooLarge(last.event, last.bytes);
      last = undefined;
      return error;
    },
  };
}
