import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ConnectionQuality, LinkVideo, MeetingErrorCode, PeerState } from '@mentara/meetings-core';
import {
  createBrowserVideoTrack,
  createFakeMediaDevices,
  createSimulatedClient,
  type SimulatedClient,
  type SimulatedParticipant,
  type SimulationScenario,
} from '@mentara/meetings-core/testing';
import { MeetingProvider } from '../context/meeting-provider';

/** A remote participant in a story. */
export interface StoryPerson {
  name: string;
  microphone?: boolean;
  camera?: boolean;
  screen?: boolean;
  quality?: ConnectionQuality;
  speaking?: boolean;
  peerState?: PeerState;
  /** Their camera video to us, as their link tells us (e.g. paused for the network). */
  receiving?: LinkVideo;
}

/** The state a story starts in; built with the core testing kit's simulated client. */
export interface StoryScenario {
  /** In the meeting (default) or still in the lobby. */
  joined?: boolean;
  /** Connection other than `connected` (or `idle` in the lobby). */
  connection?: 'connecting' | 'reconnecting' | 'failed' | 'disconnected';
  people?: StoryPerson[];
  /** `from`: index into `people`, or `'me'`. */
  chat?: Array<{ from: number | 'me'; text: string }>;
  camera?: boolean;
  microphone?: boolean;
  /** Local screen share on. */
  sharing?: boolean;
  audioBlocked?: boolean;
  /** An error in `snapshot.error`. */
  error?: MeetingErrorCode;
  /** Starting camera and microphone fails with this code (permission prompts). */
  mediaFailure?: MeetingErrorCode;
  /** The camera permission prompt stays open (toggle pending). */
  cameraPending?: boolean;
  noDevices?: boolean;
  /** What our link policy sends everyone (e.g. video paused for the network). */
  sendingVideo?: LinkVideo;
  /** Audio only chosen. */
  audioOnly?: boolean;
}

export const NAMES = ['Therapist', 'Supervisor', 'Trainee', 'Coordinator', 'Intruder', 'Student', 'Advocate', 'Parent'];
const COLORS = ['#5f8f83', '#7b93a8', '#a08a78', '#7f9a80', '#9188a8', '#a8925e', '#6f8f9c', '#94807a'];
const DEVICES = [
  { deviceId: 'cam-1', groupId: 'a', kind: 'videoinput' as const, label: 'Built-in camera' },
  { deviceId: 'cam-2', groupId: 'b', kind: 'videoinput' as const, label: 'USB camera' },
  { deviceId: 'mic-1', groupId: 'a', kind: 'audioinput' as const, label: 'Built-in microphone' },
  { deviceId: 'mic-2', groupId: 'c', kind: 'audioinput' as const, label: 'Headset microphone' },
  { deviceId: 'spk-1', groupId: 'a', kind: 'audiooutput' as const, label: 'Built-in speakers' },
  { deviceId: 'spk-2', groupId: 'c', kind: 'audiooutput' as const, label: 'Headset' },
];

/** A synthetic moving picture labelled `label` (canvas capture); `null` outside browsers. */
function picture(label: string, color: string): MediaStream | null {
  if (typeof document === 'undefined' || typeof MediaStream === 'undefined') return null;
  return new MediaStream([createBrowserVideoTrack({ label, color, width: 640, height: 360, fps: 10 })]);
}

/** Build a simulated client (core testing kit) in the scenario's state. */
export function scenarioClient(scenario: StoryScenario = {}): SimulatedClient {
  const people = scenario.people ?? [];
  const participants: SimulatedParticipant[] = people.map((p, i) => ({
    displayName: p.name,
    media: { microphone: p.microphone ?? true, camera: p.camera ?? true, screen: p.screen ?? false },
    quality: p.quality ?? 'good',
    speaking: p.speaking ?? false,
    peerState: p.peerState ?? 'connected',
    ...(p.receiving ? { receiving: p.receiving } : {}),
    stream: p.camera === false ? null : picture(p.name, COLORS[i % COLORS.length]!),
    screenStream: p.screen ? picture(`${p.name}'s screen`, '#3e4a47') : null,
  }));
  const fake = typeof document === 'undefined' ? undefined : createFakeMediaDevices({ devices: DEVICES });
  // An open permission prompt: the camera request never settles.
  const mediaDevices =
    fake && scenario.cameraPending
      ? { ...fake, getUserMedia: (c: MediaStreamConstraints) => (c.video ? new Promise<MediaStream>(() => {}) : fake.getUserMedia(c)) }
      : fake;
  const joined = scenario.joined ?? true;
  const options: SimulationScenario = {
    meetingId: 'session-42',
    displayName: 'Caregiver',
    participants,
    chat: (scenario.chat ?? []).map((m) => ({ from: m.from === 'me' ? 'self' : (people[m.from]?.name ?? 'self'), text: m.text })),
    media: { camera: scenario.camera ?? true, microphone: scenario.microphone ?? true },
    autoplayBlocked: scenario.audioBlocked ?? false,
    devices: scenario.noDevices ? [] : DEVICES,
    ...(mediaDevices ? { mediaDevices } : {}),
    ...(scenario.mediaFailure ? { mediaErrors: { camera: scenario.mediaFailure, microphone: scenario.mediaFailure } } : {}),
    ...(scenario.connection === 'connecting' ? { joinDelayMs: 3_600_000 } : {}),
    autoJoin: joined || scenario.connection === 'connecting',
    ...(scenario.sendingVideo ? { sendingVideo: scenario.sendingVideo } : {}),
    ...(scenario.audioOnly ? { audioOnly: true } : {}),
  };
  const client = createSimulatedClient(options);
  if (scenario.connection === 'reconnecting') client.simulate.dropConnection();
  if (scenario.connection === 'failed') client.simulate.failConnection();
  if (scenario.connection === 'disconnected') void client.leave();
  if (scenario.error) client.simulate.raiseError(scenario.error);
  if (scenario.sharing) void client.screen.enable().catch(() => undefined);
  if (scenario.cameraPending) void client.camera.enable().catch(() => undefined);
  return client;
}

/** `count` people named from `NAMES`, the first one speaking. */
export function people(count: number, overrides: Partial<StoryPerson> = {}): StoryPerson[] {
  return NAMES.slice(0, count).map((name, i) => ({ name, speaking: i === 0, ...overrides }));
}

/** A scenario client for one story mount, destroyed when the story unmounts. */
export function useScenarioClient(scenario?: StoryScenario): SimulatedClient {
  const [client] = useState(() => scenarioClient(scenario));
  const mounts = useRef(0);
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

/** Renders `children` inside a provider around a scenario client. */
export function Meeting({ scenario, children }: { scenario?: StoryScenario; children: ReactNode }) {
  const client = useScenarioClient(scenario);
  return (
    <MeetingProvider client={client} join={false}>
      {children}
    </MeetingProvider>
  );
}
