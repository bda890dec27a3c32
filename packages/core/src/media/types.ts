/**
 * The subset of `navigator.mediaDevices` the client uses. Browsers get the real one; tests in
 * Node pass `createFakeMediaDevices()` from `@mentara/meetings-core/testing`.
 */
export interface MediaDevicesLike {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  getDisplayMedia?(options?: DisplayMediaStreamOptions): Promise<MediaStream>;
  enumerateDevices(): Promise<MediaDeviceInfo[]>;
  addEventListener?(type: 'devicechange', listener: () => void): void;
  removeEventListener?(type: 'devicechange', listener: () => void): void;
}

import type { TrackProcessor } from './track-processor';

/**
 * One local media toggle (camera, microphone or screen share). Its state is in
 * `snapshot.media[source]` (`enabled`, `pending`, `error`). Failures reject with a
 * `MeetingError` (`permission-denied`, `device-in-use`, …) and are also stored in state.
 */
export interface MediaToggle {
  /** Start capturing and publish to every peer. Resolves when the track is live. */
  enable(): Promise<void>;
  /** Stop capturing (the device light goes off) and tell everyone. */
  disable(): Promise<void>;
  /** `enable()` when disabled, `disable()` when enabled. */
  toggle(): Promise<void>;
}

/**
 * The camera or microphone toggle: a `MediaToggle` that can put a processor (background blur or
 * replacement, noise suppression — see `@mentara/meetings-core/effects`) between the capture and
 * what is sent. Setting or removing one mid-call swaps the sent track with `replaceTrack` (no
 * renegotiation); the choice stays across camera off/on and device switches. A processor that
 * cannot start, or fails later, falls back to the raw capture and reports a `MeetingError`.
 *
 * @example
 * const { createBackgroundProcessor } = await import('@mentara/meetings-core/effects')
 * await client.camera.setProcessor(createBackgroundProcessor({ assetsUrl: '/mentara-effects/' }))
 */
export interface CaptureToggle extends MediaToggle {
  /** The processor chosen for this source, or `null`. */
  readonly processor: TrackProcessor | null;
  /** Choose (or remove, with `null`) the processor. Resolves once the new track is being sent. */
  setProcessor(processor: TrackProcessor | null): Promise<void>;
}
