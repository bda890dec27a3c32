import { forwardRef, type CSSProperties, type HTMLAttributes } from 'react';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeeting } from '../hooks/use-meeting';
import { useStreamAudioLevel } from '../hooks/use-stream-audio-level';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';

/** Props of `<MicrophoneLevel>`. */
export type MicrophoneLevelProps = HTMLAttributes<HTMLDivElement>;

const selectStream = (s: MeetingSnapshot) => s.localStream;
const selectMicrophone = (s: MeetingSnapshot) => s.media.microphone.enabled;

/**
 * A live level meter of your own microphone (`role="meter"`, 0–100), so you can see that it
 * hears you before anyone else does. Measured from the local stream with Web Audio; 0 while the
 * microphone is off. `data-state="on|off"`.
 */
export const MicrophoneLevel = forwardRef<HTMLDivElement, MicrophoneLevelProps>(function MicrophoneLevel({ className, style, ...rest }, ref) {
  const m = useMessages();
  const stream = useMeeting(selectStream);
  const on = useMeeting(selectMicrophone);
  const level = useStreamAudioLevel(on ? stream : null);
  return (
    <div
      ref={ref}
      role="meter"
      aria-label={m.microphoneLevel}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(level * 100)}
      {...rest}
      className={cx('mm-level', className)}
      data-state={on ? 'on' : 'off'}
      style={{ ...style, '--mm-level': level } as CSSProperties}
    >
      <div className="mm-level__fill" />
    </div>
  );
});
