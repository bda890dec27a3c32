import type { MediaDevicesLike, MediaToggle } from '../client/types';
import type { MeetingError } from '../errors/meeting-error';
import type { MediaKind } from '../protocol/types';
import type { TrackSlot } from '../peers/transport';
import type { MediaSource, MediaToggleState } from '../state/types';
import { captureScreen, captureTrack } from './capture';
import type { LocalTracks } from './local-tracks';
import { createMediaToggle } from './media-toggle';

/** Options of `createLocalMedia`. */
export interface LocalMediaOptions {
  tracks: LocalTracks;
  getDevices: () => MediaDevicesLike | undefined;
  selectedDeviceId: (slot: TrackSlot) => string | null;
  update: (source: MediaSource, patch: Partial<MediaToggleState>) => void;
  /** Publish a media change to the meeting (`toggle-media`). */
  announce: (kind: MediaKind, enabled: boolean) => void;
  onError: (error: MeetingError) => void;
  assertUsable: () => void;
  /** The device a capture actually opened (so pickers show the current one). */
  onDevice?: (slot: TrackSlot, deviceId: string) => void;
}

/** The three local toggles plus mid-call device switching. */
export interface LocalMedia {
  camera: MediaToggle;
  microphone: MediaToggle;
  screen: MediaToggle;
  /** Switch the live camera/microphone to `deviceId` (replaceTrack, no renegotiation). */
  switchDevice(slot: TrackSlot, deviceId: string): Promise<void>;
  /** Stop everything and mark every toggle off (leave/destroy). */
  stopAll(): void;
}

const SOURCE: Record<TrackSlot, MediaSource> = { video: 'camera', audio: 'microphone' };
const KIND: Record<TrackSlot, MediaKind> = { video: 'video', audio: 'audio' };

/**
 * Local camera, microphone and screen share. A track that ends by itself (device unplugged,
 * the browser's "Stop sharing" button) turns its toggle off and tells the meeting.
 */
export function createLocalMedia(o: LocalMediaOptions): LocalMedia {
  const { tracks } = o;

  function watchEnded(track: MediaStreamTrack, onEnded: () => void) {
    track.addEventListener?.('ended', onEnded, { once: true });
  }

  /** A capture that finishes after destroy() must not leave the device on. */
  function usableOrStop(track: MediaStreamTrack): MediaStreamTrack {
    try {
      o.assertUsable();
    } catch (error) {
      track.stop();
      throw error;
    }
    return track;
  }

  function adoptTrack(slot: TrackSlot, track: MediaStreamTrack) {
    const deviceId = track.getSettings?.().deviceId;
    if (deviceId) o.onDevice?.(slot, deviceId);
    watchEnded(track, () => {
      if (tracks.track(slot) !== track) return;
      tracks.setTrack(slot, null);
      o.update(SOURCE[slot], { enabled: false });
      o.announce(KIND[slot], false);
    });
    tracks.setTrack(slot, track);
  }

  function trackToggle(slot: TrackSlot): MediaToggle {
    const source = SOURCE[slot];
    return createMediaToggle({
      isEnabled: () => tracks.track(slot) !== null,
      async start() {
        adoptTrack(slot, usableOrStop(await captureTrack(o.getDevices(), slot, o.selectedDeviceId(slot))));
        o.announce(KIND[slot], true);
      },
      async stop() {
        tracks.setTrack(slot, null);
        o.announce(KIND[slot], false);
      },
      update: (patch) => o.update(source, patch),
      onError: o.onError,
      assertUsable: o.assertUsable,
    });
  }

  const screen = createMediaToggle({
    isEnabled: () => tracks.screenStream !== null,
    async start() {
      const stream = await captureScreen(o.getDevices());
      stream.getTracks().forEach(usableOrStop);
      const [video] = stream.getVideoTracks();
      if (video) {
        watchEnded(video, () => {
          if (tracks.screenStream !== stream) return;
          tracks.setScreen(null);
          o.update('screen', { enabled: false });
          o.announce('screen', false);
        });
      }
      tracks.setScreen(stream);
      o.announce('screen', true);
    },
    async stop() {
      tracks.setScreen(null);
      o.announce('screen', false);
    },
    update: (patch) => o.update('screen', patch),
    onError: o.onError,
    assertUsable: o.assertUsable,
  });

  return {
    camera: trackToggle('video'),
    microphone: trackToggle('audio'),
    screen,
    async switchDevice(slot, deviceId) {
      const current = tracks.track(slot);
      if (!current || current.getSettings?.().deviceId === deviceId) return;
      const source = SOURCE[slot];
      o.update(source, { pending: true });
      try {
        adoptTrack(slot, usableOrStop(await captureTrack(o.getDevices(), slot, deviceId)));
        o.update(source, { pending: false, error: null });
      } catch (error) {
        o.update(source, { pending: false, error: error as MeetingError });
        o.onError(error as MeetingError);
        throw error;
      }
    },
    stopAll() {
      tracks.stopAll();
      for (const source of ['camera', 'microphone', 'screen'] as const) {
        o.update(source, { enabled: false, pending: false, error: null });
      }
    },
  };
}
