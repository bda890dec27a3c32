import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState, type HTMLAttributes } from 'react';
import type { MeetingSnapshot, PeerState } from '@mentara/meetings-core';
import { useMeeting } from '../hooks/use-meeting';
import { findParticipant } from '../utils/find-participant';
import { participantLabel } from '../utils/participant-label';
import { initialsOf } from '../utils/initials';
import { videoFit } from '../utils/video-fit';
import { useKeptMedia, useKeptStream } from '../hooks/use-kept-media';
import { useElementSize } from '../hooks/use-element-size';
import { useVideoSize, type VideoSize } from '../hooks/use-video-size';
import { useMessages } from '../messages/messages-context';
import { formatMessage, type MeetingMessages } from '../messages/messages';
import { shallowEqual } from '../utils/shallow-equal';
import { cx } from '../utils/class-names';
import { Icon } from './icons';
import { ConnectionQualityIndicator } from './connection-quality-indicator';
import { TileDetailsButton } from './tile-details';

/** Props of `<VideoTile>`. */
export interface VideoTileProps extends HTMLAttributes<HTMLDivElement> {
  participantId: string;
  /** `camera` (with the participant's audio) or their `screen` share. @default 'camera' */
  source?: 'camera' | 'screen';
  /** Shows a pin toggle when given. */
  pinned?: boolean;
  onPinnedChange?: (pinned: boolean) => void;
  /** Show the quality bars. @default true */
  showQuality?: boolean;
  /** Offer a "Connection details" button (remote camera tiles only). @default true */
  showDetails?: boolean;
  /** Called with the picture's intrinsic size when it becomes known or changes (layouts size tiles to it). */
  onVideoSize?: (size: VideoSize) => void;
}

/** Only what a tile shows — audio levels and stats changes do not re-render it. */
function selectTile(s: MeetingSnapshot, id: string, guest: string) {
  const p = findParticipant(s, id);
  if (!p) return null;
  return {
    label: participantLabel(s, id, guest) ?? guest,
    isLocal: p.isLocal,
    microphone: p.media.microphone,
    camera: p.media.camera,
    isSpeaking: p.isSpeaking,
    peerState: p.peerState,
    stream: p.stream,
    screenStream: p.screenStream,
    // Their camera gives no picture (they told us), or ours gives the call none.
    cameraStalled: (p.isLocal ? s.localVideo.sending : s.links[id]?.receiving)?.reason === 'camera',
  };
}

/** What a tile's state line says: a remote's link not up, else a camera that gives no picture. */
type TileNote = keyof MeetingMessages['tileState'];

function tileNote(peerState: PeerState | null, cameraStalled: boolean): TileNote | null {
  if (peerState === 'new' || peerState === 'connecting') return 'connecting';
  if (peerState === 'reconnecting') return 'reconnecting';
  if (peerState === 'failed' || peerState === 'closed') return 'failed';
  return cameraStalled ? 'cameraStalled' : null;
}

/**
 * One participant's camera (or screen share) with their name, a clear muted badge, initials
 * while there is no picture (camera off, still connecting), a speaking highlight (never while
 * muted), link quality and state. The picture is never cut beyond a small margin: it fills the
 * tile when the shapes nearly match and is letterboxed otherwise (`data-fit`). The local camera
 * is mirrored and never played back; a remote's voice plays through the client's playback.
 * When a camera gives no picture (`camera-stalled`), a remote's tile shows their initials instead
 * of a still frame and both tiles say so.
 * `data-state` is the peer state; `data-speaking`, `data-camera`, `data-microphone`, `data-video`
 * (`playing` once a frame arrived) describe media; `data-note` names the state line shown, if any
 * (`connecting`, `reconnecting`, `failed`, `cameraStalled`).
 */
export const VideoTile = forwardRef<HTMLDivElement, VideoTileProps>(function VideoTile(
  { participantId, source = 'camera', pinned, onPinnedChange, showQuality = true, showDetails = true, onVideoSize, className, ...rest },
  ref,
) {
  const m = useMessages();
  // A stable selector: a new one each render would make React re-check the store after every
  // commit and render the tile a second time whenever its values change.
  const select = useCallback((s: MeetingSnapshot) => selectTile(s, participantId, m.guest), [participantId, m.guest]);
  const tile = useMeeting(select, shallowEqual);
  const rootRef = useRef<HTMLDivElement>(null);
  const mediaRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => rootRef.current as HTMLDivElement);
  const isScreen = source === 'screen';
  const stream = tile ? (isScreen ? tile.screenStream : tile.stream) : null;
  // Video always plays muted (never blocked by autoplay rules); a remote's voice plays through a
  // separate <audio> registered with the client, which routes it and detects blocked autoplay.
  // Both elements are kept across layout changes, so a tile that moves keeps playing.
  const audible = tile !== null && !tile.isLocal && !isScreen;
  const videoRef = useKeptMedia<HTMLVideoElement>(mediaRef, tile ? `${participantId}:${source}:video` : null, 'video');
  const audioRef = useKeptMedia<HTMLAudioElement>(mediaRef, audible ? `${participantId}:audio` : null, 'audio');
  useKeptStream(videoRef, stream);
  useKeptStream(audioRef, audible ? stream : null, true);
  const video = useVideoSize(videoRef, stream);
  const box = useElementSize(rootRef);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const reportSize = useRef(onVideoSize);
  useEffect(() => {
    reportSize.current = onVideoSize;
  });
  useEffect(() => {
    if (video.width > 0) reportSize.current?.(video);
  }, [video]);

  if (!tile) return null;
  const shownName = tile.isLocal ? `${tile.label} (${m.you})` : tile.label;
  const label = isScreen ? formatMessage(m.screenOf, { name: shownName }) : shownName;
  const stalled = !isScreen && tile.cameraStalled;
  const cameraOn = isScreen || (tile.camera && stream !== null && !(stalled && !tile.isLocal));
  const speaking = !isScreen && tile.isSpeaking && tile.microphone;
  const note = tileNote(tile.isLocal || isScreen ? null : tile.peerState, stalled);
  const stateText = note ? m.tileState[note] : null;
  const withDetails = showDetails && !tile.isLocal && !isScreen;
  return (
    <div
      ref={rootRef}
      role="group"
      aria-label={label}
      {...rest}
      className={cx('mm-tile', className)}
      data-participant-id={participantId}
      data-state={tile.peerState}
      data-source={source}
      data-local={tile.isLocal}
      data-speaking={speaking}
      data-camera={cameraOn ? 'on' : 'off'}
      data-video={cameraOn && video.width > 0 ? 'playing' : 'waiting'}
      data-fit={videoFit(box.width, box.height, video.width, video.height)}
      data-microphone={tile.microphone ? 'on' : 'off'}
      data-pinned={pinned ?? undefined}
      data-note={note ?? undefined}
    >
      {/* The kept <video> (and a remote's <audio>) live in here; React renders no children into it. */}
      <div ref={mediaRef} className="mm-tile__media" />
      {!isScreen ? (
        <div className="mm-tile__avatar" aria-hidden="true">
          <span className="mm-tile__initials">{initialsOf(tile.label)}</span>
        </div>
      ) : null}
      {stateText ? (
        <span className="mm-tile__state" data-note={note} title={stateText}>
          {note === 'cameraStalled' ? <Icon name="cameraOff" className="mm-tile__state-icon" /> : null}
          <span className="mm-tile__state-text">{stateText}</span>
        </span>
      ) : null}
      <div className="mm-tile__bar">
        <span className="mm-tile__name">
          {!isScreen && !tile.microphone ? (
            <span role="img" aria-label={m.muted} className="mm-tile__muted-wrap">
              <Icon name="microphoneOff" className="mm-tile__muted" />
            </span>
          ) : null}
          <span className="mm-tile__label">{label}</span>
          {speaking ? <span className="mm-visually-hidden">, {m.speaking}</span> : null}
        </span>
        {showQuality && !isScreen && !tile.isLocal ? <ConnectionQualityIndicator participantId={participantId} /> : null}
      </div>
      {onPinnedChange || withDetails ? (
        <div className="mm-tile__actions" data-open={detailsOpen || undefined}>
          {withDetails ? (
            <TileDetailsButton participantId={participantId} name={label} open={detailsOpen} onOpenChange={setDetailsOpen} />
          ) : null}
          {onPinnedChange ? (
            <button
              type="button"
              className="mm-tile__action"
              data-roving-item=""
              aria-pressed={pinned ?? false}
              data-state={pinned ? 'on' : 'off'}
              aria-label={`${pinned ? m.unpin : m.pin} ${label}`}
              title={`${pinned ? m.unpin : m.pin} ${label}`}
              onClick={() => onPinnedChange(!pinned)}
            >
              <Icon name="pin" className="mm-tile__action-icon" />
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
});
