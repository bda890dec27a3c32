/**
 * `@mentara/meetings-core/testing` — test helpers for host apps, Storybook and Node clients:
 * a simulated `MeetingClient` driven by a scenario, fake media devices and synthetic tracks.
 *
 * @packageDocumentation
 */
export { createSimulatedClient } from './simulated-client';
export type {
  SimulatedChatMessage,
  SimulatedClient,
  SimulatedClientOptions,
  SimulatedParticipant,
  SimulationControls,
  SimulationScenario,
} from './scenario';
export { createFakeMediaDevices, type FakeMediaDevices, type FakeMediaDevicesOptions, type FakeMediaFailure } from './fake-media-devices';
export { createNodeAudioTrack, createNodeVideoTrack, type FakeTrackOptions, type WrtcWithSources } from './fake-tracks-node';
export { createBrowserAudioTrack, createBrowserVideoTrack } from './fake-tracks-browser';
export { createSimulatedPrecallCheck, type SimulatedPrecallOptions, type SimulatedPrecallStep } from './simulated-precall-check';
