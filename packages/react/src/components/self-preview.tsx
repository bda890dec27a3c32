import { forwardRef, useRef, type HTMLAttributes } from 'react';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useAttachedStream } from '../hooks/use-attached-stream';
import { useMeeting } from '../hooks/use-meeting';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';

/** Props of `<SelfPreview>`. */
export type SelfPreviewProps = HTMLAttributes<HTMLDivElement>;

const selectStream = (s: MeetingSnapshot) => s.localStream;
const selectCamera = (s: MeetingSnapshot) => s.media.camera.enabled;
const selectProcessor = (s: MeetingSnapshot) => s.media.camera.processor;

/**
 * Your own camera as others will see it (mirrored, as in a mirror; the background effect
 * included), or "Your camera is off". Works before joining and in the waiting room: the local
 * stream exists before admission. `data-camera="on|off"`, `data-processor` names the effect.
 */
export const SelfPreview = forwardRef<HTMLDivElement, SelfPreviewProps>(function SelfPreview({ className, ...rest }, ref) {
  const m = useMessages();
  const stream = useMeeting(selectStream);
  const cameraOn = useMeeting(selectCamera);
  const processor = useMeeting(selectProcessor);
  const video = useRef<HTMLVideoElement>(null);
  useAttachedStream(video, cameraOn ? stream : null);
  return (
    <div
      ref={ref}
      {...rest}
      className={cx('mm-preview', className)}
      data-camera={cameraOn ? 'on' : 'off'}
      data-processor={processor ?? 'none'}
    >
      <video ref={video} autoPlay playsInline muted aria-label={m.cameraPreview} />
      {cameraOn ? null : <p className="mm-preview__off">{m.previewOff}</p>}
    </div>
  );
});
