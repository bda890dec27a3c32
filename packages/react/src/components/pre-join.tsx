import { forwardRef, useEffect, useId, useRef, useState, type CSSProperties, type FormHTMLAttributes } from 'react';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeetingClient } from '../context/meeting-context';
import { useMeeting } from '../hooks/use-meeting';
import { useAttachedStream } from '../hooks/use-attached-stream';
import { useStreamAudioLevel } from '../hooks/use-stream-audio-level';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { MediaToggleButton } from './media-toggle-button';
import { DeviceSelect } from './device-select';
import { MeetingErrorMessage } from './meeting-error-message';
import { PermissionHelp } from './permission-help';

/** What the person chose on the pre-join screen. */
export interface PreJoinValues {
  displayName: string;
}

/** Props of `<PreJoin>`. */
export interface PreJoinProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> {
  /** Called when the person presses Join. */
  onJoin: (values: PreJoinValues) => void;
  defaultDisplayName?: string;
  /** Ask for a display name. @default true */
  showDisplayName?: boolean;
  /** Start camera and microphone for the preview on mount. @default true */
  startPreview?: boolean;
  /** Show the join button as busy. */
  joining?: boolean;
}

const selectStream = (s: MeetingSnapshot) => s.localStream;
const selectCamera = (s: MeetingSnapshot) => s.media.camera.enabled;
const selectMicrophone = (s: MeetingSnapshot) => s.media.microphone.enabled;
const selectCanPickSpeaker = (s: MeetingSnapshot) => s.devices.canSelectSpeaker && s.devices.speakers.length > 0;
const selectBlocked = (s: MeetingSnapshot) =>
  s.media.camera.error?.code === 'permission-denied' || s.media.microphone.error?.code === 'permission-denied';

/**
 * The lobby: camera preview, camera/microphone toggles and device choice, a live microphone
 * level meter, display name, and a Join button. Media chosen here carries into the meeting.
 * When the browser blocks the camera or microphone it shows how to allow them, a retry, and
 * ways to join anyway (audio only, or without devices).
 */
export const PreJoin = forwardRef<HTMLFormElement, PreJoinProps>(function PreJoin(
  { onJoin, defaultDisplayName = '', showDisplayName = true, startPreview = true, joining = false, className, ...rest },
  ref,
) {
  const client = useMeetingClient();
  const m = useMessages();
  const stream = useMeeting(selectStream);
  const cameraOn = useMeeting(selectCamera);
  const microphoneOn = useMeeting(selectMicrophone);
  const canPickSpeaker = useMeeting(selectCanPickSpeaker);
  const blocked = useMeeting(selectBlocked);
  const level = useStreamAudioLevel(microphoneOn ? stream : null);
  const [name, setName] = useState(defaultDisplayName);
  const videoRef = useRef<HTMLVideoElement>(null);
  const nameId = useId();
  useAttachedStream(videoRef, cameraOn ? stream : null);

  useEffect(() => {
    if (!startPreview) return;
    const { media } = client.getSnapshot();
    // Skips what is already on or starting (StrictMode runs this effect twice).
    if (!media.camera.enabled && !media.camera.pending) client.camera.enable().catch(() => undefined);
    if (!media.microphone.enabled && !media.microphone.pending) client.microphone.enable().catch(() => undefined);
  }, [client, startPreview]);

  // List devices on arrival and again once the preview runs: labels appear only after permission.
  useEffect(() => {
    client.devices.refresh().catch(() => undefined);
  }, [client, stream]);

  const trimmed = name.trim();
  const submit = () => {
    if (!joining && (trimmed || !showDisplayName)) onJoin({ displayName: trimmed });
  };
  return (
    <form
      ref={ref}
      {...rest}
      className={cx('mm-prejoin', className)}
      data-state={joining ? 'joining' : 'idle'}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="mm-prejoin__preview" data-camera={cameraOn ? 'on' : 'off'}>
        <video ref={videoRef} autoPlay playsInline muted aria-label={m.cameraPreview} />
        {cameraOn ? null : <p className="mm-prejoin__preview-off">{m.previewOff}</p>}
      </div>
      <div className="mm-prejoin__form">
        <h2 className="mm-prejoin__title">{m.preJoinTitle}</h2>
        <div className="mm-prejoin__toggles">
          <MediaToggleButton source="microphone" />
          <MediaToggleButton source="camera" />
        </div>
        <div
          className="mm-level"
          role="meter"
          aria-label={m.microphoneLevel}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(level * 100)}
          style={{ '--mm-level': level } as CSSProperties}
        >
          <div className="mm-level__fill" />
        </div>
        <DeviceSelect kind="camera" />
        <DeviceSelect kind="microphone" />
        {canPickSpeaker ? <DeviceSelect kind="speaker" /> : null}
        {blocked ? (
          <PermissionHelp
            onJoinAudioOnly={showDisplayName && !trimmed ? undefined : submit}
            onJoinWithoutDevices={showDisplayName && !trimmed ? undefined : submit}
          />
        ) : (
          <MeetingErrorMessage />
        )}
        {showDisplayName ? (
          <label className="mm-field" htmlFor={nameId}>
            {m.displayName}
            <input
              id={nameId}
              name="displayName"
              className="mm-input"
              value={name}
              required
              maxLength={64}
              autoComplete="name"
              placeholder={m.displayNamePlaceholder}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
        ) : null}
        <button
          type="submit"
          className="mm-button"
          data-variant="primary"
          aria-busy={joining}
          disabled={joining || (showDisplayName && trimmed === '')}
        >
          {joining ? m.joining : m.join}
        </button>
      </div>
    </form>
  );
});
