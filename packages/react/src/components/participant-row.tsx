import { useState } from 'react';
import type { MeetingHostControls, Participant } from '@mentara/meetings-core';
import { formatMessage } from '../messages/messages';
import { useMessages } from '../messages/messages-context';
import { errorText } from '../utils/error-text';
import { ConnectionQualityIndicator } from './connection-quality-indicator';
import { Icon } from './icons';
import { initialOf } from './waiting-entry';

/** Props of the internal `<ParticipantRow>`. */
export interface ParticipantRowProps {
  participant: Participant;
  /** The host's controls when the viewer is a host, else `null`. */
  host: MeetingHostControls | null;
  /** A host pressed Remove: the list asks for confirmation. */
  onRemove: (participant: Participant) => void;
}

/**
 * One person in the participant list: initial, name, "Host" and "You" badges, microphone and
 * camera state (icon plus spoken text), connection quality, and — for a host looking at someone
 * who is not a host — **Ask to mute** (while their microphone is on) and **Remove**.
 */
export function ParticipantRow({ participant: p, host, onRemove }: ParticipantRowProps) {
  const m = useMessages();
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const name = p.displayName || m.guest;
  const actions = host !== null && !p.isLocal && p.role !== 'host';

  const askToMute = async () => {
    if (!host) return;
    setAsking(true);
    setNote(null);
    try {
      await host.requestMute(p.id, 'microphone');
      setNote(formatMessage(m.askedToMute, { name }));
    } catch (cause) {
      setNote(errorText(cause, m));
    } finally {
      setAsking(false);
    }
  };

  return (
    <li className="mm-person" data-local={p.isLocal} data-role={p.role} data-microphone={p.media.microphone ? 'on' : 'off'} data-camera={p.media.camera ? 'on' : 'off'}>
      <span className="mm-avatar" aria-hidden="true">
        {initialOf(name)}
      </span>
      <span className="mm-person__who">
        <span className="mm-person__name">{name}</span>
        {p.role === 'host' ? <span className="mm-badge" data-kind="host">{m.hostBadge}</span> : null}
        {p.isLocal ? <span className="mm-badge" data-kind="you">{m.you}</span> : null}
      </span>
      <span className="mm-person__media">
        <span role="img" aria-label={p.media.microphone ? m.microphoneOn : m.microphoneOff} title={p.media.microphone ? m.microphoneOn : m.microphoneOff} data-state={p.media.microphone ? 'on' : 'off'}>
          <Icon name={p.media.microphone ? 'microphone' : 'microphoneOff'} className="mm-person__icon" />
        </span>
        <span role="img" aria-label={p.media.camera ? m.cameraOn : m.cameraOff} title={p.media.camera ? m.cameraOn : m.cameraOff} data-state={p.media.camera ? 'on' : 'off'}>
          <Icon name={p.media.camera ? 'camera' : 'cameraOff'} className="mm-person__icon" />
        </span>
        {p.isLocal ? null : <ConnectionQualityIndicator participantId={p.id} />}
      </span>
      {actions ? (
        <span className="mm-person__actions">
          {p.media.microphone ? (
            <button type="button" className="mm-button" data-size="small" disabled={asking} aria-busy={asking} onClick={() => void askToMute()}>
              {m.askToMute}
              <span className="mm-visually-hidden"> {name}</span>
            </button>
          ) : null}
          <button type="button" className="mm-button" data-size="small" data-variant="danger-quiet" onClick={() => onRemove(p)}>
            {m.remove}
            <span className="mm-visually-hidden"> {name}</span>
          </button>
        </span>
      ) : null}
      {note ? (
        <p className="mm-person__note" role="status">
          {note}
        </p>
      ) : null}
    </li>
  );
}
