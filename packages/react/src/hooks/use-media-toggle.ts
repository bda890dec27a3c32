import { useCallback, useMemo } from 'react';
import type { MediaToggleState, TrackSource } from '@mentara/meetings-core';
import { useMeetingClient } from '../context/meeting-context';
import { useMeeting } from './use-meeting';

/** Props to spread on a `<button>` that toggles a media source. */
export interface MediaToggleButtonProps {
  type: 'button';
  'aria-pressed': boolean;
  'data-state': 'on' | 'off';
  'data-pending': boolean;
  'data-error': boolean;
  disabled: boolean;
  onClick: () => void;
}

/** State and actions of one local media source, plus ready-made button props. */
export interface UseMediaToggleResult extends MediaToggleState {
  /** Toggle; resolves when done. Errors are also in `error` and in `snapshot.error`. */
  toggle: () => Promise<void>;
  enable: () => Promise<void>;
  disable: () => Promise<void>;
  buttonProps: MediaToggleButtonProps;
}

/**
 * Camera, microphone or screen share: `enabled`, `pending`, `error`, actions and `buttonProps`
 * (`aria-pressed`, `data-state`, `onClick`, disabled while a change is in flight).
 *
 * @example
 * const { buttonProps } = useMediaToggle('microphone')
 * return <button {...buttonProps}>Mic</button>
 */
export function useMediaToggle(source: TrackSource): UseMediaToggleResult {
  const client = useMeetingClient();
  const state = useMeeting((s) => s.media[source]);
  const toggle = useCallback(() => client[source].toggle(), [client, source]);
  const enable = useCallback(() => client[source].enable(), [client, source]);
  const disable = useCallback(() => client[source].disable(), [client, source]);
  return useMemo(
    () => ({
      ...state,
      toggle,
      enable,
      disable,
      buttonProps: {
        type: 'button',
        'aria-pressed': state.enabled,
        'data-state': state.enabled ? 'on' : 'off',
        'data-pending': state.pending,
        'data-error': state.error !== null,
        disabled: state.pending,
        // The failure is already in state (shown by the UI); swallow it to avoid an unhandled rejection.
        onClick: () => void toggle().catch(() => undefined),
      },
    }),
    [state, toggle, enable, disable],
  );
}
