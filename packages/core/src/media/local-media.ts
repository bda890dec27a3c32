import type { MediaDevicesLike, MediaToggle } from '../client/types';
import type { MeetingError } from '../errors/meeting-error';
import type { MediaKind } from '../protocol/types';
import type { TrackSlot } from '../peers/transport';
import type { MediaSource, MediaToggleState } from '../state/types';
import { captureCameraAndMicrophone, captureScreen, captureTrack } from './capture';
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
  /**
   * Enable camera and/or microphone together (join's default media): one capture request for
   * both; each toggle falls back to its own capture (and its own typed error) if that fails.
   */
  enableTogether(slots: readonly TrackSlot[]): Array<Promise<void>>;
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

  /** A capture of both slots in flight, and the slots that have not taken their track yet. */
  let together: { tracks: Promise<Record<TrackSlot, MediaStreamTrack>>; untaken: Set<TrackSlot> } | null = null;

  function capture(slot: TrackSlot): Promise<MediaStreamTrack> {
    const single = () => captureTrack(o.getDevices(), slot, o.selectedDeviceId(slot));
    if (!together?.untaken.delete(slot)) return single();
    return together.tracks.then((t) => t[slot], single);
  }

  function trackToggle(slot: TrackSlot): MediaToggle {
    const source = SOURCE[slot];
    return createMediaToggle({
      isEnabled: () => tracks.track(slot) !== null,
      async start() {
        adoptTrack(slot, usableOrStop(await capture(slot)));
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

  const toggles: Record<TrackSlot, MediaToggle> = { video: trackToggle('video'), audio: trackToggle('audio') };

  return {
    camera: toggles.video,
    microphone: toggles.audio,
    screen,
    enableTogether(slots) {
      if (slots.length < 2 || slots.some((slot) => tracks.track(slot))) return slots.map((slot) => toggles[slot].enable());
      const both = captureCameraAndMicrophone(o.getDevices(), { video: o.selectedDeviceId('video'), audio: o.selectedDeviceId('audio') });
      // A failure is handled by each toggle's own capture; this only keeps it from being "unhandled".
      both.catch(() => undefined);
      const current = (together = { tracks: both, untaken: new Set(slots) });
      const started = slots.map((slot) => toggles[slot].enable());
      // A toggle that skipped its capture (disabled or destroyed meanwhile) leaves its track: stop it.
      void Promise.allSettled(started).then(() => {
        if (together === current) together = null;
        current.tracks.then((t) => current.untaken.forEach((slot) => t[slot].stop()), () => undefined);
      });
      return started;
    },
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
