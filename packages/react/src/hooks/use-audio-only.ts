import { useCallback, useMemo, useState } from 'react';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeetingClient } from '../context/meeting-context';
import { useMeeting } from './use-meeting';

/** Attributes to spread on your own audio-only `<button>`. */
export interface AudioOnlyButtonAttributes {
  /** Always `button` (never submits a form). */
  type: 'button';
  /** Audio only is on. */
  'aria-pressed': boolean;
  /** `on` while audio only is on. */
  'data-state': 'on' | 'off';
  /** A change is being applied to the connections. */
  'data-pending': boolean;
  /** While a change is being applied. */
  disabled: boolean;
  /** Toggles audio only. */
  onClick: () => void;
}

/** The audio-only choice, its actions and ready-made button attributes. */
export interface UseAudioOnlyResult {
  /** No camera video goes to anyone (the camera and the self view stay on). */
  audioOnly: boolean;
  /** A change is being applied. */
  pending: boolean;
  /** Turn audio only on or off (`client.setAudioOnly`). */
  setAudioOnly: (on: boolean) => Promise<void>;
  /** Turn audio only on if it is off, and off if it is on. */
  toggle: () => Promise<void>;
  /** Attributes for your own `<button>`. */
  buttonProps: AudioOnlyButtonAttributes;
}

const selectAudioOnly = (s: MeetingSnapshot) => s.localVideo.audioOnly;

/**
 * Audio only (`client.setAudioOnly`): stop sending camera video to everyone, without turning the
 * camera off — for a weak link, or by choice.
 *
 * @example
 * const { audioOnly, buttonProps } = useAudioOnly()
 * return <button {...buttonProps}>{audioOnly ? 'Turn video back on' : 'Switch to audio only'}</button>
 */
export function useAudioOnly(): UseAudioOnlyResult {
  const client = useMeetingClient();
  const audioOnly = useMeeting(selectAudioOnly);
  const [pending, setPending] = useState(false);
  const setAudioOnly = useCallback(
    async (on: boolean) => {
      setPending(true);
      try {
        await client.setAudioOnly(on);
      } finally {
        setPending(false);
      }
    },
    [client],
  );
  const toggle = useCallback(() => setAudioOnly(!client.getSnapshot().localVideo.audioOnly), [client, setAudioOnly]);
  return useMemo(
    () => ({
      audioOnly,
      pending,
      setAudioOnly,
      toggle,
      buttonProps: {
        type: 'button',
        'aria-pressed': audioOnly,
        'data-state': audioOnly ? 'on' : 'off',
        'data-pending': pending,
        disabled: pending,
        // A destroyed client is the only failure; nothing to show for it here.
        onClick: () => void toggle().catch(() => undefined),
      },
    }),
    [audioOnly, pending, setAudioOnly, toggle],
  );
}
