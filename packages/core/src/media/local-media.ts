import { MeetingError } from '../errors/meeting-error';
import type { TrackSource } from '../protocol/types';
import type { MediaToggleState } from '../state/types';
import { captureCameraAndMicrophone, captureScreen, captureTrack } from './capture';
import type { LocalTracks } from './local-tracks';
import { createMediaToggle } from './media-toggle';
import { createProcessedTrack, type ProcessedTrack } from './processed-track';
import type { TrackProcessor } from './track-processor';
import type { CaptureSource } from '../protocol/media-sources';
import type { CaptureToggle, MediaDevicesLike, MediaToggle } from './types';

/** Options of `createLocalMedia`. */
export interface LocalMediaOptions {
  tracks: LocalTracks;
  getDevices: () => MediaDevicesLike | undefined;
  selectedDeviceId: (source: CaptureSource) => string | null;
  update: (source: TrackSource, patch: Partial<MediaToggleState>) => void;
  /** Publish a media change to the meeting (`toggle-media`). */
  announce: (source: TrackSource, enabled: boolean) => void;
  onError: (error: MeetingError) => void;
  assertUsable: () => void;
  /** The device a capture actually opened (so pickers show the current one). */
  onDevice?: (source: CaptureSource, deviceId: string) => void;
  /** Waits with a timeout; used to bound how long peers wait for the start-up media. */
  after: (ms: number, fn: () => void) => () => void;
}

/** The media a join starts, and what peers wait for. */
export interface StartupMedia {
  /**
   * Settles once the camera/microphone asked for are captured, failed, or took longer than the
   * wait bound (a permission prompt left open). Peer connections created before wait on it, so
   * the first offer carries the media instead of renegotiating at once.
   */
  readonly ready: Promise<void>;
  /** Settles when every capture asked for has finished (successfully or not). */
  readonly settled: Promise<void>;
  /** Turn off what this start-up turned on (a join that failed). */
  undo(): Promise<void>;
}

/** The three local toggles plus mid-call device switching. */
export interface LocalMedia {
  camera: CaptureToggle;
  microphone: CaptureToggle;
  screen: MediaToggle;
  /**
   * Start the default media of a join: camera and/or microphone with one capture request for
   * both (each toggle falls back to its own capture, and its own typed error, if that fails).
   * Sources already on are left alone.
   */
  startDefault(wanted: Readonly<Record<CaptureSource, boolean>>, waitBoundMs: number): StartupMedia;
  /** Switch the live camera/microphone to `deviceId` (replaceTrack, no renegotiation). */
  switchDevice(source: CaptureSource, deviceId: string): Promise<void>;
  /**
   * Capture the live camera/microphone again from the same device, closing the current capture
   * first (a capture of the same device could share a frozen source). Resolves `true` once the new
   * track is sent; `false` when there is nothing to recapture. A capture that fails turns the
   * source off with its typed error, as an unplugged device does.
   */
  recapture(source: CaptureSource): Promise<boolean>;
  /** Stop everything and mark every toggle off (leave/destroy). */
  stopAll(): void;
}

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

  /** The captured tracks; what is published may be a processor's output in front of them. */
  const captured: Record<CaptureSource, MediaStreamTrack | null> = { camera: null, microphone: null };
  const processed = (source: CaptureSource): ProcessedTrack =>
    createProcessedTrack({
      onTrackChange: (track) => tracks.setTrack(source, track),
      onError: (error) => {
        // The raw capture is being sent instead of the processor's output.
        o.update(source, { processor: null });
        o.onError(error);
      },
    });
  const slots: Record<CaptureSource, ProcessedTrack> = { camera: processed('camera'), microphone: processed('microphone') };

  /** A new capture for `source`: send it (through its processor, if any), then stop the previous one. */
  async function adoptTrack(source: CaptureSource, track: MediaStreamTrack) {
    const deviceId = track.getSettings?.().deviceId;
    if (deviceId) o.onDevice?.(source, deviceId);
    watchEnded(track, () => {
      if (captured[source] === track) turnOff(source, null);
    });
    const previous = captured[source];
    captured[source] = track;
    await slots[source].setInput(track);
    o.update(source, { processor: slots[source].output !== track ? (slots[source].processor?.name ?? null) : null });
    previous?.stop();
  }

  /** The capture of `source` is lost (its device ended, or capturing it again failed): off, and said so. */
  function turnOff(source: CaptureSource, error: MeetingError | null) {
    release(source);
    o.update(source, { enabled: false, processor: null, ...(error ? { error } : {}) });
    o.announce(source, false);
    if (error) o.onError(error);
  }

  /** Stop sending `source` and stop its capture (the processor stays chosen for the next one). */
  function release(source: CaptureSource) {
    const track = captured[source];
    captured[source] = null;
    void slots[source].setInput(null);
    // Unpublish at once: the slot's own update is asynchronous.
    tracks.setTrack(source, null);
    track?.stop();
  }

  /** A capture of both sources in flight, and the sources that have not taken their track yet. */
  let together: { tracks: Promise<Record<CaptureSource, MediaStreamTrack>>; untaken: Set<CaptureSource> } | null = null;

  function capture(source: CaptureSource): Promise<MediaStreamTrack> {
    const single = () => captureTrack(o.getDevices(), source, o.selectedDeviceId(source));
    if (!together?.untaken.delete(source)) return single();
    return together.tracks.then((t) => t[source], single);
  }

  function captureToggle(source: CaptureSource): CaptureToggle {
    const toggle = createMediaToggle({
      isEnabled: () => captured[source] !== null,
      async start() {
        await adoptTrack(source, usableOrStop(await capture(source)));
        o.announce(source, true);
      },
      async stop() {
        release(source);
        o.announce(source, false);
      },
      update: (patch) => o.update(source, patch),
      onError: o.onError,
      assertUsable: o.assertUsable,
    });
    return {
      ...toggle,
      get processor() {
        return slots[source].processor;
      },
      async setProcessor(processor: TrackProcessor | null) {
        o.assertUsable();
        if (processor && processor.kind !== (source === 'camera' ? 'video' : 'audio')) {
          throw new MeetingError('invalid-state', `A ${processor.kind} processor cannot process the ${source}`);
        }
        const output = await slots[source].setProcessor(processor);
        const input = captured[source];
        o.update(source, { processor: processor && input && output !== input ? processor.name : null });
      },
    };
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

  const toggles: Record<CaptureSource, CaptureToggle> = { camera: captureToggle('camera'), microphone: captureToggle('microphone') };

  function enableTogether(sources: readonly CaptureSource[]): Array<Promise<void>> {
    if (sources.length < 2) return sources.map((source) => toggles[source].enable());
    const both = captureCameraAndMicrophone(o.getDevices(), { camera: o.selectedDeviceId('camera'), microphone: o.selectedDeviceId('microphone') });
    // A failure is handled by each toggle's own capture; this only keeps it from being "unhandled".
    both.catch(() => undefined);
    const current = (together = { tracks: both, untaken: new Set(sources) });
    const started = sources.map((source) => toggles[source].enable());
    // A toggle that skipped its capture (disabled or destroyed meanwhile) leaves its track: stop it.
    void Promise.allSettled(started).then(() => {
      if (together === current) together = null;
      current.tracks.then((t) => current.untaken.forEach((source) => t[source].stop()), () => undefined);
    });
    return started;
  }

  return {
    camera: toggles.camera,
    microphone: toggles.microphone,
    screen,
    startDefault(wanted, waitBoundMs) {
      const sources = (['camera', 'microphone'] as const).filter((source) => wanted[source] && !tracks.track(source));
      const settled = Promise.allSettled(enableTogether(sources)).then(() => undefined);
      const ready =
        sources.length === 0
          ? Promise.resolve()
          : Promise.race([settled, new Promise<void>((resolve) => void o.after(waitBoundMs, resolve))]);
      return {
        ready,
        settled,
        undo: () => settled.then(() => Promise.allSettled(sources.map((source) => toggles[source].disable()))).then(() => undefined),
      };
    },
    async switchDevice(source, deviceId) {
      const current = captured[source];
      if (!current || current.getSettings?.().deviceId === deviceId) return;
      o.update(source, { pending: true });
      try {
        await adoptTrack(source, usableOrStop(await captureTrack(o.getDevices(), source, deviceId)));
        o.update(source, { pending: false, error: null });
      } catch (error) {
        o.update(source, { pending: false, error: error as MeetingError });
        o.onError(error as MeetingError);
        throw error;
      }
    },
    async recapture(source) {
      const current = captured[source];
      if (!current) return false;
      current.stop();
      try {
        // As it was captured: the chosen device (a capture records the device it got as chosen).
        await adoptTrack(source, usableOrStop(await captureTrack(o.getDevices(), source, o.selectedDeviceId(source))));
        return true;
      } catch (error) {
        if (captured[source] === current) turnOff(source, error as MeetingError);
        return false;
      }
    },
    stopAll() {
      for (const source of ['camera', 'microphone'] as const) release(source);
      tracks.stopAll();
      for (const source of ['camera', 'microphone', 'screen'] as const) {
        o.update(source, { enabled: false, pending: false, error: null });
      }
    },
  };
}
