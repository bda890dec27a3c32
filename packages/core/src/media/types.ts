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
