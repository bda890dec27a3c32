import { MeetingError } from '../errors/meeting-error';
import type { MeetingAction } from '../state/actions';
import type { MeetingSnapshot } from '../state/types';
import type { DeviceList } from './devices';
import type { LocalMedia } from './local-media';
import type { Playback } from './playback';
import type { DeviceKind } from '../protocol/media-sources';

/** Device listing and selection; the list lives in `snapshot.devices`. */
export interface MeetingDevices {
  /** Re-read `enumerateDevices()` (also done automatically on `devicechange`). */
  refresh(): Promise<void>;
  /**
   * Pick a device. Camera/microphone switch mid-call with `replaceTrack` (no renegotiation);
   * speaker uses `setSinkId` where the browser supports it (`devices.canSelectSpeaker`).
   */
  select(kind: DeviceKind, deviceId: string): Promise<void>;
}

/** What `client.devices` needs. */
export interface DevicesFacadeOptions {
  assertUsable: () => void;
  getSnapshot: () => MeetingSnapshot;
  dispatch: (action: MeetingAction) => void;
  deviceList: DeviceList;
  media: LocalMedia;
  playback: Playback;
}

/**
 * `client.devices`: refresh the list; select a camera/microphone (switched live with
 * `replaceTrack` when it is on) or a speaker (`setSinkId` on every attached element).
 */
export function createDevicesFacade(o: DevicesFacadeOptions): MeetingDevices {
  return {
    async refresh() {
      o.assertUsable();
      await o.deviceList.refresh();
    },
    async select(kind, deviceId) {
      o.assertUsable();
      if (kind === 'speaker') {
        if (!o.getSnapshot().devices.canSelectSpeaker) {
          throw new MeetingError('invalid-state', 'This browser cannot choose the audio output');
        }
        await o.playback.applySpeaker(deviceId);
        o.dispatch({ type: 'devices', patch: { selectedSpeakerId: deviceId } });
        return;
      }
      o.dispatch({
        type: 'devices',
        patch: kind === 'camera' ? { selectedCameraId: deviceId } : { selectedMicrophoneId: deviceId },
      });
      await o.media.switchDevice(kind, deviceId);
    },
  };
}
