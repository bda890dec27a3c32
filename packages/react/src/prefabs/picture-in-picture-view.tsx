import { useRef } from 'react';
import { createPortal } from 'react-dom';
import { useMeeting } from '../hooks/use-meeting';
import { useAttachedStream } from '../hooks/use-attached-stream';
import { useMessages } from '../messages/messages-context';
import { participantLabel } from '../utils/participant-label';
import { findParticipant } from '../utils/find-participant';
import { MediaToggleButton } from '../components/media-toggle-button';

/**
 * What the Document Picture-in-Picture window shows: the other person's picture, their name,
 * and your microphone and camera buttons — enough to stay in the call while working elsewhere.
 * Sound keeps playing from the meeting page, so nothing plays twice.
 */
export function PictureInPictureView({ pipWindow, participantId, theme }: { pipWindow: Window; participantId: string; theme: string | undefined }) {
  const m = useMessages();
  const stream = useMeeting((s) => findParticipant(s, participantId)?.stream ?? null);
  const label = useMeeting((s) => participantLabel(s, participantId, m.guest));
  const video = useRef<HTMLVideoElement>(null);
  useAttachedStream(video, stream);
  return createPortal(
    <div className="mm-root mm-pip" data-theme={theme}>
      <video ref={video} autoPlay playsInline muted aria-label={label ?? m.guest} />
      <div className="mm-pip__bar">
        <span className="mm-tile__name">{label}</span>
        <MediaToggleButton source="microphone" showLabel={false} />
        <MediaToggleButton source="camera" showLabel={false} />
      </div>
    </div>,
    pipWindow.document.body,
  );
}
