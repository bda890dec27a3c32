import { useCallback, useMemo } from 'react';
import type { DeviceKind, DevicesState } from '@mentara/meetings-core';
import { useMeetingClient } from '../context/meeting-context';
import { useMeeting } from './use-meeting';

/** Device lists, selections and actions. */
export interface UseDevicesResult extends DevicesState {
  /** Switch a device (mid-call too). */
  select: (kind: DeviceKind, deviceId: string) => Promise<void>;
  /** Re-read the device list. */
  refresh: () => Promise<void>;
}

/** Cameras, microphones and speakers, the selected ids, and `select`/`refresh`. */
export function useDevices(): UseDevicesResult {
  const client = useMeetingClient();
  const devices = useMeeting((s) => s.devices);
  const select = useCallback((kind: DeviceKind, id: string) => client.devices.select(kind, id), [client]);
  const refresh = useCallback(() => client.devices.refresh(), [client]);
  return useMemo(() => ({ ...devices, select, refresh }), [devices, select, refresh]);
}
