import { useState, type ReactNode } from 'react';
import { MeetingError, type ConnectionQuality, type ConnectionState, type MeetingErrorCode } from '@mentara/meetings-core';
import { MeetingProvider } from '../context/meeting-provider';
import { createTestClient, type TestClient } from '../test-utils/test-client';
import { syntheticStream } from './synthetic-media';

/** A remote participant in a story. */
export interface StoryPerson {
  name: string;
  audio?: boolean;
  video?: boolean;
  screen?: boolean;
  quality?: ConnectionQuality;
  speaking?: boolean;
  peerState?: 'connecting' | 'connected' | 'reconnecting' | 'failed';
}

/** The state a story starts in. */
export interface StoryScenario {
  /** Already in the meeting (default) or in the lobby. */
  joined?: boolean;
  connection?: ConnectionState;
  people?: StoryPerson[];
  chat?: Array<{ from: number | 'me'; text: string }>;
  camera?: boolean;
  microphone?: boolean;
  /** Local screen share on. */
  sharing?: boolean;
  audioBlocked?: boolean;
  error?: MeetingErrorCode;
  /** The next camera/microphone start fails with this code (permission prompts). */
  mediaFailure?: MeetingErrorCode;
  /** Camera toggle stays pending (a permission prompt is open). */
  cameraPending?: boolean;
  noDevices?: boolean;
}

export const NAMES = ['Ada', 'Ben', 'Cleo', 'Dan', 'Eve', 'Finn', 'Gia', 'Hugo'];

/** Build a scripted client in the scenario's state. */
export function scenarioClient(scenario: StoryScenario = {}): TestClient {
  const client = createTestClient({ joined: scenario.joined ?? true, makeStream: syntheticStream });
  const ids: string[] = [];
  for (const person of scenario.people ?? []) {
    const p = client.addRemote(person.name, {
      media: { audio: person.audio ?? true, video: person.video ?? true, screen: person.screen ?? false },
      quality: person.quality ?? 'good',
      isSpeaking: person.speaking ?? false,
      peerState: person.peerState ?? 'connected',
      screenStream: person.screen ? syntheticStream(`${person.name} screen`) : null,
    });
    ids.push(p.id);
  }
  const s = client.getSnapshot();
  const local = s.localParticipant;
  const camera = scenario.camera ?? (scenario.joined ?? true);
  const microphone = scenario.microphone ?? (scenario.joined ?? true);
  const sharing = scenario.sharing ?? false;
  const screenStream = sharing ? syntheticStream('My screen') : null;
  client.set({
    connection: scenario.connection ?? s.connection,
    media: {
      camera: { enabled: camera, pending: scenario.cameraPending ?? false, error: null },
      microphone: { enabled: microphone, pending: false, error: null },
      screen: { enabled: sharing, pending: false, error: null },
    },
    localScreenStream: screenStream,
    localParticipant: local
      ? { ...local, media: { audio: microphone, video: camera, screen: sharing }, screenStream }
      : null,
    audioPlaybackBlocked: scenario.audioBlocked ?? false,
    error: scenario.error ? new MeetingError(scenario.error) : null,
    activeSpeakerId: ids[(scenario.people ?? []).findIndex((p) => p.speaking)] ?? null,
    devices: scenario.noDevices
      ? { ...s.devices, cameras: [], microphones: [], speakers: [], selectedCameraId: null, selectedMicrophoneId: null }
      : {
          ...s.devices,
          cameras: [
            { deviceId: 'cam-1', groupId: 'a', kind: 'videoinput', label: 'Built-in camera' },
            { deviceId: 'cam-2', groupId: 'b', kind: 'videoinput', label: 'USB camera' },
          ],
          microphones: [
            { deviceId: 'mic-1', groupId: 'a', kind: 'audioinput', label: 'Built-in microphone' },
            { deviceId: 'mic-2', groupId: 'c', kind: 'audioinput', label: 'Headset microphone' },
          ],
          speakers: [
            { deviceId: 'spk-1', groupId: 'a', kind: 'audiooutput', label: 'Built-in speakers' },
            { deviceId: 'spk-2', groupId: 'c', kind: 'audiooutput', label: 'Headset' },
          ],
          selectedSpeakerId: 'spk-1',
          canSelectSpeaker: true,
        },
  });
  for (const line of scenario.chat ?? []) {
    if (line.from === 'me') void client.chat.send(line.text);
    else client.receiveChat(ids[line.from] ?? '', line.text);
  }
  if (scenario.mediaFailure) {
    client.failNext('camera', new MeetingError(scenario.mediaFailure));
    client.failNext('microphone', new MeetingError(scenario.mediaFailure));
  }
  return client;
}

/** `count` people named from `NAMES`, first one speaking. */
export function people(count: number, overrides: Partial<StoryPerson> = {}): StoryPerson[] {
  return NAMES.slice(0, count).map((name, i) => ({ name, speaking: i === 0, ...overrides }));
}

/** Renders `children` inside a provider around a scenario client created once per story mount. */
export function Meeting({ scenario, children }: { scenario?: StoryScenario; children: ReactNode }) {
  const [client] = useState(() => scenarioClient(scenario));
  return (
    <MeetingProvider client={client} join={false}>
      {children}
    </MeetingProvider>
  );
}
