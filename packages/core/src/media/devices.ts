import type { MediaDevicesLike } from './types';
import type { DevicesState, MediaDevice } from '../state/types';

/** Options of `createDeviceList`. */
export interface DeviceListOptions {
  getDevices: () => MediaDevicesLike | undefined;
  update: (patch: Partial<DevicesState>) => void;
}

/** The device list with hot-plug: `watch()` listens to `devicechange` and returns its disposer. */
export interface DeviceList {
  refresh(): Promise<void>;
  watch(): () => void;
}

function toDevice(info: MediaDeviceInfo): MediaDevice | null {
  if (info.kind !== 'videoinput' && info.kind !== 'audioinput' && info.kind !== 'audiooutput') return null;
  return { deviceId: info.deviceId, groupId: info.groupId, kind: info.kind, label: info.label };
}

/** Whether audio output can be routed (`HTMLMediaElement.prototype.setSinkId`). */
export function canSelectSpeaker(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/** Create the device list unit. */
export function createDeviceList(o: DeviceListOptions): DeviceList {
  async function refresh() {
    const devices = o.getDevices();
    if (!devices) return;
    const all = (await devices.enumerateDevices()).map(toDevice).filter((d): d is MediaDevice => d !== null);
    o.update({
      cameras: all.filter((d) => d.kind === 'videoinput'),
      microphones: all.filter((d) => d.kind === 'audioinput'),
      speakers: all.filter((d) => d.kind === 'audiooutput'),
      canSelectSpeaker: canSelectSpeaker(),
    });
  }
  return {
    refresh,
    watch() {
      const devices = o.getDevices();
      if (!devices?.addEventListener) return () => {};
      const onChange = () => {
        refresh().catch(() => {});
      };
      devices.addEventListener('devicechange', onChange);
      return () => devices.removeEventListener?.('devicechange', onChange);
    },
  };
}
