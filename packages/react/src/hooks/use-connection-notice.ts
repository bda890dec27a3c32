import type { MeetingSnapshot, VideoLevel } from '@mentara/meetings-core';
import { shallowEqual } from '../utils/shallow-equal';
import { useMeeting } from './use-meeting';

/** What `<ConnectionNotice>` says, as `data-state`: nothing, reconnecting, our link is weak, someone else's is. */
export type ConnectionNoticeState = 'none' | 'reconnecting' | 'weak-self' | 'weak-remote';

/** The one notice about the connection, derived from the snapshot. */
export interface ConnectionNoticeInfo {
  /** What the notice is about (`none`: nothing to say). */
  state: ConnectionNoticeState;
  /** The video of whoever the notice is about is paused (ours for `weak-self`, theirs for `weak-remote`). */
  videoPaused: boolean;
  /** `weak-remote` about one person: their participant id and name (else `null`). */
  participantId: string | null;
  /** Their display name, for the sentence. */
  displayName: string | null;
  /** `weak-remote` about several people at once. */
  several: boolean;
}

const NONE: ConnectionNoticeInfo = { state: 'none', videoPaused: false, participantId: null, displayName: null, several: false };
const weakLevel = (level: VideoLevel) => level === 'low' || level === 'paused';

/**
 * The notice for a snapshot, most urgent first: reconnecting (the meeting or a peer); our own
 * link is weak (our link policy limited our video for the network, or we asked someone for less);
 * someone else's link is weak (they told us they limited their video for the network). Only
 * what each side decided about its own sending names a person: in a two-person call a poor path
 * looks the same from both ends, so each side is told about its own video.
 */
export function connectionNoticeOf(s: MeetingSnapshot): ConnectionNoticeInfo {
  const remotes = s.remoteParticipants;
  if (s.connection === 'reconnecting' || remotes.some((p) => p.peerState === 'reconnecting')) return { ...NONE, state: 'reconnecting' };
  if (s.connection !== 'connected') return NONE;
  const own = s.localVideo.sending;
  const asked = remotes.some((p) => (s.links[p.id]?.requested ?? 'high') !== 'high');
  if ((own.reason === 'network' && weakLevel(own.level)) || asked) {
    return { ...NONE, state: 'weak-self', videoPaused: own.reason === 'network' && own.level === 'paused' };
  }
  const weak = remotes.filter((p) => {
    const theirs = s.links[p.id]?.receiving;
    return theirs?.reason === 'network' && weakLevel(theirs.level);
  });
  const [first] = weak;
  if (!first) return NONE;
  if (weak.length > 1) return { ...NONE, state: 'weak-remote', several: true };
  return {
    state: 'weak-remote',
    videoPaused: s.links[first.id]?.receiving.level === 'paused',
    participantId: first.id,
    displayName: first.displayName,
    several: false,
  };
}

/**
 * The one calm notice about the connection (see `connectionNoticeOf`); re-renders only when it
 * changes.
 *
 * @example
 * const { state, videoPaused } = useConnectionNotice()
 */
export function useConnectionNotice(): ConnectionNoticeInfo {
  return useMeeting(connectionNoticeOf, shallowEqual);
}
