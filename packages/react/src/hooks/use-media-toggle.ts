import { useCallback, useMemo } from 'react';
import type { MediaToggleState, TrackSource } from '@mentara/meetings-core';
import { useMeetingClient } from '../context/meeting-context';
import { useMeeting } from './use-meeting';

/**
 * Attributes to spread on your own `<button>` that toggles a media source (`useMediaToggle().buttonProps`).
 * Not the props of the `<MediaToggleButton>` component: those are `MediaToggleButtonProps`.
 */
export interface MediaToggleButtonAttributes {
  type: 'button';
  /** Whether the source is on. */
  'aria-pressed': boolean;
  'data-state': 'on' | 'off';
  /** A change is in flight (permission prompt, device start). */
  'data-pending': boolean;
  /** The last change failed (the error is in `useMediaToggle().error`). */
  'data-error': boolean;
  /** While a change is in flight. */
  disabled: boolean;
  /** Toggles; a failure lands in state instead of rejecting. */
  onClick: () => void;
}

/** State and actions of one local media source, plus ready-made button attributes. */
export interface UseMediaToggleResult extends MediaToggleState {
  /** Toggle; resolves when done. Errors are also in `error` and in `snapshot.error`. */
  toggle: () => Promise<void>;
  /** Turn the source on; resolves when done. */
  enable: () => Promise<void>;
  /** Turn the source off; resolves when done. */
  disable: () => Promise<void>;
  /** Spread on a `<button>`: `aria-pressed`, `data-state`, `onClick`, disabled while pending. */
  buttonProps: MediaToggleButtonAttributes;
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
