import { forwardRef, useEffect, useState, type HTMLAttributes } from 'react';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeetingClient } from '../context/meeting-context';
import { useMeeting } from '../hooks/use-meeting';
import { formatMessage } from '../messages/messages';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { Icon } from './icons';

/** Props of `<HostRequestNotice>`. */
export type HostRequestNoticeProps = HTMLAttributes<HTMLDivElement>;

const selectRequest = (s: MeetingSnapshot) => s.hostRequest;
const selectMicrophone = (s: MeetingSnapshot) => s.media.microphone.enabled;
const selectCamera = (s: MeetingSnapshot) => s.media.camera.enabled;

/**
 * What the person a host asked to mute sees: "Therapist muted your microphone. You can unmute
 * when you're ready." with **Unmute** and **Dismiss** (or the same for the camera). Their client
 * has already turned the source off (in a peer-to-peer call the host cannot do it for them);
 * turning it back on stays their choice. The notice goes away when they turn it back on or
 * dismiss it, and comes back for the next request. `<LiveAnnouncer>` reads it out once.
 */
export const HostRequestNotice = forwardRef<HTMLDivElement, HostRequestNoticeProps>(function HostRequestNotice({ className, ...rest }, ref) {
  const client = useMeetingClient();
  const m = useMessages();
  const request = useMeeting(selectRequest);
  const microphoneOn = useMeeting(selectMicrophone);
  const cameraOn = useMeeting(selectCamera);
  const source = request?.source ?? 'microphone';
  const on = source === 'camera' ? cameraOn : microphoneOn;
  // Which request is being shown: `off` once its source is off (the client turns it off a moment
  // after the request arrives), `answered` once the person turned it back on or dismissed it — so
  // muting themselves later does not bring an old request back.
  const [phase, setPhase] = useState<{ at: number; state: 'off' | 'answered' } | null>(null);
  const [turningOn, setTurningOn] = useState(false);
  useEffect(() => {
    if (!request) return;
    if (phase?.at !== request.at) {
      if (!on) setPhase({ at: request.at, state: 'off' });
    } else if (phase.state === 'off' && on) setPhase({ at: request.at, state: 'answered' });
  }, [request, on, phase]);
  if (!request || phase?.at !== request.at || phase.state !== 'off' || (on && !turningOn)) return null;

  const name = request.byName || m.hostBadge;
  const turnOn = () => {
    setTurningOn(true);
    void client[source]
      .enable()
      .catch(() => undefined)
      .finally(() => setTurningOn(false));
  };
  return (
    <div ref={ref} {...rest} className={cx('mm-notice', className)} data-state="shown" data-source={source}>
      <Icon name={source === 'camera' ? 'cameraOff' : 'microphoneOff'} className="mm-notice__icon" />
      <p className="mm-notice__text">{formatMessage(source === 'camera' ? m.hostTurnedOffCamera : m.hostMutedMicrophone, { name })}</p>
      <span className="mm-notice__actions">
        <button type="button" className="mm-button" data-size="small" disabled={turningOn} aria-busy={turningOn} onClick={turnOn}>
          {source === 'camera' ? m.turnCameraOn : m.unmute}
        </button>
        <button type="button" className="mm-button" data-size="small" data-variant="quiet" onClick={() => setPhase({ at: request.at, state: 'answered' })}>
          {m.dismiss}
        </button>
      </span>
    </div>
  );
});
