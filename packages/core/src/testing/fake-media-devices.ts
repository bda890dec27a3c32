import type { MediaDevicesLike } from '../media/types';
import type { MediaDevice } from '../state/types';
import { createBrowserAudioTrack, createBrowserVideoTrack } from './fake-tracks-browser';
import { createNodeAudioTrack, createNodeVideoTrack, type FakeTrackOptions, type WrtcWithSources } from './fake-tracks-node';

/** A `getUserMedia` failure to simulate, by DOMException name. */
export type FakeMediaFailure = 'NotAllowedError' | 'NotReadableError' | 'NotFoundError' | 'OverconstrainedError' | 'SecurityError';

/** Options of `createFakeMediaDevices`. */
export interface FakeMediaDevicesOptions {
  /** In Node: `require('@roamhq/wrtc')`, for synthetic wrtc tracks. Browsers use canvas + WebAudio. */
  wrtc?: WrtcWithSources;
  /** Devices `enumerateDevices()` lists. @default one camera, one microphone, one speaker */
  devices?: MediaDevice[];
  /** Make a source fail from the start. */
  fail?: Partial<Record<'camera' | 'microphone' | 'screen', FakeMediaFailure>>;
  track?: FakeTrackOptions;
}

/** Fake `navigator.mediaDevices` for tests, Storybook and Node clients. */
export interface FakeMediaDevices extends MediaDevicesLike {
  /** Make (or stop making) a source fail. */
  fail(source: 'camera' | 'microphone' | 'screen', failure: FakeMediaFailure | null): void;
  /** Hot-plug a device (fires `devicechange`). */
  plug(device: MediaDevice): void;
  /** Unplug a device (fires `devicechange`). */
  unplug(deviceId: string): void;
  /**
   * Freeze the camera: its tracks stay live and give no frames. `current`: the tracks handed out
   * so far (a new capture works again, as with a camera whose driver hung); `always`: every
   * camera track, new ones too (a camera whose frames cannot be sent); `null` thaws it.
   */
  freezeCamera(scope: 'current' | 'always' | null): void;
  /** Tracks handed out and not yet stopped — assert 0 after `leave()`/`destroy()`. */
  readonly liveTracks: number;
  /** Constraints of every `getUserMedia` call, for assertions. */
  readonly calls: MediaStreamConstraints[];
}

const DEFAULT_DEVICES: MediaDevice[] = [
  { deviceId: 'fake-camera-1', groupId: 'fake-group-1', kind: 'videoinput', label: 'Fake Camera' },
  { deviceId: 'fake-microphone-1', groupId: 'fake-group-1', kind: 'audioinput', label: 'Fake Microphone' },
  { deviceId: 'fake-speaker-1', groupId: 'fake-group-1', kind: 'audiooutput', label: 'Fake Speaker' },
];

function domError(name: FakeMediaFailure): Error {
  const message = `Simulated ${name}`;
  if (typeof DOMException !== 'undefined') return new DOMException(message, name);
  return Object.assign(new Error(message), { name });
}

/**
 * Create fake media devices: synthetic camera (moving picture), microphone (tone) and screen,
 * scripted failures (`permission-denied`, `device-in-use`…) and hot-plug.
 *
 * @example
 * const mediaDevices = createFakeMediaDevices({ wrtc: require('@roamhq/wrtc') })
 * createMeetingClient({ serverUrl, wrtc, mediaDevices })
 */
export function createFakeMediaDevices(o: FakeMediaDevicesOptions = {}): FakeMediaDevices {
  const devices = [...(o.devices ?? DEFAULT_DEVICES)];
  const failures = { ...o.fail };
  const listeners = new Set<() => void>();
  const live = new Set<MediaStreamTrack>();
  const calls: MediaStreamConstraints[] = [];
  const cameraTracks = new Set<MediaStreamTrack>();
  const frozenTracks = new WeakSet<MediaStreamTrack>();
  let frozenAlways = false;
  const MediaStreamCtor = (o.wrtc?.MediaStream ?? globalThis.MediaStream) as typeof MediaStream;

  const track = (kind: 'video' | 'audio' | 'screen'): MediaStreamTrack => {
    let created: MediaStreamTrack | null = null;
    const frozen = kind === 'video' ? () => frozenAlways || (created !== null && frozenTracks.has(created)) : undefined;
    const t =
      kind === 'audio'
        ? o.wrtc
          ? createNodeAudioTrack(o.wrtc, o.track)
          : createBrowserAudioTrack(o.track)
        : o.wrtc
          ? createNodeVideoTrack(o.wrtc, { ...o.track, frozen, screen: kind === 'screen' })
          : createBrowserVideoTrack({ ...o.track, frozen, label: kind === 'screen' ? 'Shared screen' : 'Test camera' });
    created = t;
    live.add(t);
    if (kind === 'video') cameraTracks.add(t);
    return t;
  };
  const changed = () => listeners.forEach((l) => l());

  return {
    async getUserMedia(constraints) {
      calls.push(constraints);
      if (constraints.video && failures.camera) throw domError(failures.camera);
      if (constraints.audio && failures.microphone) throw domError(failures.microphone);
      const wanted = (c: boolean | MediaTrackConstraints | undefined, kind: MediaDeviceKind) => {
        const exact = typeof c === 'object' ? (c.deviceId as { exact?: string } | undefined)?.exact : undefined;
        if (exact && !devices.some((d) => d.kind === kind && d.deviceId === exact)) throw domError('OverconstrainedError');
      };
      wanted(constraints.video, 'videoinput');
      wanted(constraints.audio, 'audioinput');
      const tracks: MediaStreamTrack[] = [];
      if (constraints.video) tracks.push(track('video'));
      if (constraints.audio) tracks.push(track('audio'));
      return new MediaStreamCtor(tracks);
    },
    async getDisplayMedia() {
      if (failures.screen) throw domError(failures.screen);
      return new MediaStreamCtor([track('screen')]);
    },
    async enumerateDevices() {
      return devices.map((d) => ({ ...d, toJSON: () => d }) as MediaDeviceInfo);
    },
    addEventListener(_type, listener) {
      listeners.add(listener);
    },
    removeEventListener(_type, listener) {
      listeners.delete(listener);
    },
    fail(source, failure) {
      if (failure) failures[source] = failure;
      else delete failures[source];
    },
    freezeCamera(scope) {
      frozenAlways = scope === 'always';
      for (const t of cameraTracks) {
        if (t.readyState === 'ended') cameraTracks.delete(t);
        else if (scope) frozenTracks.add(t);
        else frozenTracks.delete(t);
      }
    },
    plug(device) {
      devices.push(device);
      changed();
    },
    unplug(deviceId) {
      const i = devices.findIndex((d) => d.deviceId === deviceId);
      if (i >= 0) devices.splice(i, 1);
      changed();
    },
    get liveTracks() {
      for (const t of live) if (t.readyState === 'ended') live.delete(t);
      return live.size;
    },
    calls,
  };
}
