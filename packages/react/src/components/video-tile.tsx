import { forwardRef, useRef, type HTMLAttributes } from 'react';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeeting } from '../hooks/use-meeting';
import { findParticipant } from '../utils/find-participant';
import { useAttachedStream } from '../hooks/use-attached-stream';
import { useMessages } from '../messages/messages-context';
import { formatMessage } from '../messages/messages';
import { shallowEqual } from '../utils/shallow-equal';
import { cx } from '../utils/class-names';
import { Icon } from './icons';
import { ConnectionQualityIndicator } from './connection-quality-indicator';

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
}

/** Only what a tile shows — audio levels and stats changes do not re-render it. */
function selectTile(s: MeetingSnapshot, id: string) {
  const p = findParticipant(s, id);
  if (!p) return null;
  return {
    displayName: p.displayName,
    isLocal: p.isLocal,
    microphone: p.media.microphone,
    camera: p.media.camera,
    isSpeaking: p.isSpeaking,
    peerState: p.peerState,
    stream: p.stream,
    screenStream: p.screenStream,
  };
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

/**
 * One participant's camera (or screen share) with their name, muted and camera-off indicators,
 * a speaking highlight and link quality. The local camera is mirrored and never played back;
 * a remote's voice plays through the client's playback (speaker choice, autoplay detection).
 * `data-state` is the peer state; `data-speaking`, `data-camera`, `data-microphone` describe media.
 */
export const VideoTile = forwardRef<HTMLDivElement, VideoTileProps>(function VideoTile(
  { participantId, source = 'camera', pinned, onPinnedChange, showQuality = true, className, ...rest },
  ref,
) {
  const tile = useMeeting((s) => selectTile(s, participantId), shallowEqual);
  const m = useMessages();
  const videoRef = useRef<HTMLVideoElement>(null);
  const audioRef = useRef<HTMLAudioElement>(null);
  const isScreen = source === 'screen';
  const stream = tile ? (isScreen ? tile.screenStream : tile.stream) : null;
  // Video always plays muted (never blocked by autoplay rules); a remote's voice plays through a
  // separate <audio> registered with the client, which routes it and detects blocked autoplay.
  const audible = tile !== null && !tile.isLocal && !isScreen;
  useAttachedStream(videoRef, stream);
  useAttachedStream(audioRef, audible ? stream : null, true);

  if (!tile) return null;
  const name = tile.displayName || m.guest;
  const shownName = tile.isLocal ? `${name} (${m.you})` : name;
  const label = isScreen ? formatMessage(m.screenOf, { name: shownName }) : shownName;
  const cameraOn = isScreen || (tile.camera && stream !== null);
  return (
    <div
      ref={ref}
      role="group"
      aria-label={label}
      {...rest}
      className={cx('mm-tile', className)}
      data-state={tile.peerState}
      data-source={source}
      data-local={tile.isLocal}
      data-speaking={!isScreen && tile.isSpeaking}
      data-camera={cameraOn ? 'on' : 'off'}
      data-microphone={tile.microphone ? 'on' : 'off'}
      data-pinned={pinned ?? undefined}
    >
      <video ref={videoRef} autoPlay playsInline muted aria-hidden="true" />
      {audible ? <audio ref={audioRef} autoPlay /> : null}
      {!isScreen ? (
        <div className="mm-tile__avatar" aria-hidden="true">
          <span className="mm-tile__initials">{initials(name)}</span>
        </div>
      ) : null}
      <div className="mm-tile__bar">
        <span className="mm-tile__name">
          {!isScreen && !tile.microphone ? (
            <span role="img" aria-label={m.muted} className="mm-tile__muted-wrap">
              <Icon name="microphoneOff" className="mm-tile__muted" />
            </span>
          ) : null}
          {label}
          {!isScreen && tile.isSpeaking ? <span className="mm-visually-hidden">, {m.speaking}</span> : null}
        </span>
        {showQuality && !isScreen && !tile.isLocal ? <ConnectionQualityIndicator participantId={participantId} /> : null}
      </div>
      {onPinnedChange ? (
        <button
          type="button"
          className="mm-tile__pin"
          aria-pressed={pinned ?? false}
          data-state={pinned ? 'on' : 'off'}
          aria-label={`${m.pin} ${label}`}
          onClick={() => onPinnedChange(!pinned)}
        >
          {m.pin}
        </button>
      ) : null}
    </div>
  );
});
