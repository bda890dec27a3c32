import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ConnectionQuality, ParticipantRole } from '@mentara/meetings-core';
import {
  createBrowserVideoTrack,
  createFakeMediaDevices,
  createSimulatedClient,
  type SimulatedClient,
  type SimulationScenario,
} from '@mentara/meetings-core/testing';
import { MeetingProvider } from '../context/meeting-provider';
import { LiveAnnouncer } from '../components/live-announcer';

/** Someone in a session story. */
export interface SessionPerson {
  name: string;
  role?: ParticipantRole;
  microphone?: boolean;
  camera?: boolean;
  quality?: ConnectionQuality;
}

/** The state a session-flow story starts in (times in minutes from now). */
export interface SessionScenario {
  /** Your role. @default 'participant' */
  role?: ParticipantRole;
  /** Your name. @default 'Client' (a host: 'Therapist') */
  name?: string;
  /** Join into the waiting room (a participant). */
  waitingRoom?: boolean;
  /** @default true */
  hostPresent?: boolean;
  people?: SessionPerson[];
  /** Hosts: names already waiting. */
  waiting?: string[];
  startsInMinutes?: number;
  endsInMinutes?: number;
  /** The session started this long ago. @default 1 */
  startedMinutesAgo?: number;
  locked?: boolean;
  maxParticipants?: number;
  joinError?: SimulationScenario['joinError'];
  camera?: boolean;
  microphone?: boolean;
  /** Runs once the join has settled. */
  then?: (client: SimulatedClient) => void;
}

const DEVICES = [
  { deviceId: 'cam-1', groupId: 'a', kind: 'videoinput' as const, label: 'Built-in camera' },
  { deviceId: 'mic-1', groupId: 'a', kind: 'audioinput' as const, label: 'Built-in microphone' },
  { deviceId: 'mic-2', groupId: 'b', kind: 'audioinput' as const, label: 'Headset microphone' },
  { deviceId: 'spk-1', groupId: 'a', kind: 'audiooutput' as const, label: 'Built-in speakers' },
];
const COLORS = ['#5f8f83', '#7b93a8', '#a08a78', '#7f9a80'];
const minutes = (n: number | undefined) => (n === undefined ? undefined : Date.now() + n * 60_000);

function picture(label: string, color: string): MediaStream | null {
  if (typeof document === 'undefined' || typeof MediaStream === 'undefined') return null;
  return new MediaStream([createBrowserVideoTrack({ label, color, width: 640, height: 360, fps: 10 })]);
}

/** A simulated client (core testing kit) for the scenario; `useSessionClient` joins it once mounted. */
export function sessionClient(s: SessionScenario = {}): SimulatedClient {
  const role = s.role ?? 'participant';
  const browser = typeof document !== 'undefined';
  const client = createSimulatedClient({
    meetingId: 'session-42',
    displayName: s.name ?? (role === 'host' ? 'Therapist' : 'Client'),
    role,
    waitingRoom: s.waitingRoom ?? false,
    hostPresent: s.hostPresent ?? true,
    locked: s.locked ?? false,
    participants: (s.people ?? []).map((p, i) => ({
      displayName: p.name,
      role: p.role ?? 'participant',
      media: { microphone: p.microphone ?? true, camera: p.camera ?? true },
      quality: p.quality ?? 'good',
      stream: p.camera === false ? null : picture(p.name, COLORS[i % COLORS.length]!),
    })),
    waiting: (s.waiting ?? []).map((displayName, i) => ({ displayName, since: Date.now() - (i + 2) * 60_000 })),
    devices: DEVICES,
    media: { camera: s.camera ?? true, microphone: s.microphone ?? true },
    ...(browser ? { mediaDevices: createFakeMediaDevices({ devices: DEVICES }) } : {}),
    ...(s.maxParticipants ? { maxParticipants: s.maxParticipants } : {}),
    ...(s.joinError ? { joinError: s.joinError } : {}),
    ...(s.startsInMinutes !== undefined ? { startsAt: minutes(s.startsInMinutes) } : {}),
    ...(s.endsInMinutes !== undefined ? { endsAt: minutes(s.endsInMinutes) } : {}),
  });
  return client;
}

const started = new WeakSet<SimulatedClient>();

/** Join (once per client), then run the scenario's script. */
function start(client: SimulatedClient, s: SessionScenario): void {
  if (started.has(client)) return;
  started.add(client);
  void client
    .join()
    .catch(() => undefined)
    .then(() => {
      if (s.startedMinutesAgo !== undefined && client.getSnapshot().admission === 'admitted') {
        client.simulate.updateMeeting({ startedAt: Date.now() - s.startedMinutesAgo * 60_000 });
      }
      s.then?.(client);
    });
}

/** A session client for one story mount, destroyed when the story unmounts. */
export function useSessionClient(scenario?: SessionScenario): SimulatedClient {
  const [client] = useState(() => sessionClient(scenario));
  const mounts = useRef(0);
  // After the children's effects (theirs run first): the live region already listens when the
  // join and the scenario's script make their events.
  useEffect(() => start(client, scenario ?? {}), [client, scenario]);
  useEffect(() => {
    mounts.current += 1;
    return () => {
      mounts.current -= 1;
      // Deferred so a StrictMode remount keeps the client.
      setTimeout(() => mounts.current === 0 && client.destroy(), 0);
    };
  }, [client]);
  return client;
}

/**
 * `children` inside a provider around a session client, with the polite live region
 * (`data-testid="announcer"`), so play functions can check what a screen reader hears.
 */
export function SessionMeeting({ scenario, children }: { scenario?: SessionScenario; children: ReactNode }) {
  const client = useSessionClient(scenario);
  return (
    <MeetingProvider client={client} join={false}>
      {children}
      <LiveAnnouncer data-testid="announcer" />
    </MeetingProvider>
  );
}
