import wrtc from '@roamhq/wrtc';
import { expect, it } from 'vitest';
import { MeetingError } from '../errors/meeting-error';
import { createSimplePeerTransport } from '../peers/simple-peer-transport';
import type { PeerTransport, PeerTransportFactory } from '../peers/transport';
import { meshReady, useTestServer, waitForState } from '../test-support/server-harness';
import { createNodeVideoTrack, type WrtcWithSources } from '../testing/fake-tracks-node';
import type { TrackProcessor, TrackProcessorState } from './track-processor';

const fixture = useTestServer();

/** A processor whose output is a synthetic track of its own (as a background effect's canvas is). */
function fakeProcessor(o: { failStart?: boolean } = {}) {
  const errorListeners = new Set<(e: MeetingError) => void>();
  const inputs: MediaStreamTrack[] = [];
  let output: MediaStreamTrack | null = null;
  let state: TrackProcessorState = 'idle';
  let stops = 0;
  const processor: TrackProcessor = {
    kind: 'video',
    name: 'background',
    get state() {
      return state;
    },
    get output() {
      return output;
    },
    async start(input) {
      inputs.push(input);
      if (o.failStart) {
        state = 'failed';
        throw new MeetingError('unsupported-browser', 'no WebGL here');
      }
      output ??= createNodeVideoTrack(wrtc as unknown as WrtcWithSources, { width: 160, height: 120, fps: 10 });
      state = 'running';
      return output;
    },
    stop() {
      stops += 1;
      output?.stop();
      output = null;
      state = 'stopped';
    },
    onError(listener) {
      errorListeners.add(listener);
      return () => errorListeners.delete(listener);
    },
  };
  return {
    processor,
    inputs,
    stops: () => stops,
    /** The pipeline breaks after it started (a lost GL context). */
    breakDown() {
      output?.stop();
      state = 'failed';
      for (const listener of errorListeners) listener(new MeetingError('media-failed', 'GL context lost'));
    },
  };
}

/** A transport factory that counts the offers each connection sends (renegotiation shows as a second one). */
function countingOffers() {
  const offers: number[] = [];
  const transports: PeerTransport[] = [];
  const factory: PeerTransportFactory = (options) => {
    const t = createSimplePeerTransport(options);
    const index = transports.push(t) - 1;
    offers[index] = 0;
    t.on('signal', (signal) => {
      if (signal.type === 'offer') offers[index] = (offers[index] ?? 0) + 1;
    });
    return t;
  };
  return { factory, offers, transports };
}

const sentVideo = (transports: PeerTransport[]) =>
  transports
    .filter((t) => !t.destroyed)
    .flatMap((t) => t.connection?.getSenders() ?? [])
    .map((s) => s.track)
    .filter((track): track is MediaStreamTrack => track?.kind === 'video');

it('a processor set mid-call is sent with replaceTrack (no new offer), kept across camera off/on, and stopped on leave', async () => {
  const counting = countingOffers();
  const a = fixture.node('Therapist', { peerTransport: counting.factory });
  const b = fixture.node('Client');
  await a.client.join('processor-swap');
  await b.client.join('processor-swap');
  await Promise.all([waitForState(a.client, meshReady(1)), waitForState(b.client, meshReady(1))]);
  const remoteTrackBefore = b.client.getSnapshot().remoteParticipants[0]!.stream!.getVideoTracks()[0]!.id;
  const offersBefore = counting.offers.reduce((x, y) => x + y, 0);

  const fx = fakeProcessor();
  await a.client.camera.setProcessor(fx.processor);
  expect(a.client.getSnapshot().media.camera.processor).toBe('background');
  expect(sentVideo(counting.transports).map((t) => t.id)).toEqual([fx.processor.output!.id]);
  // The local preview shows what is sent; the camera itself keeps running as the processor's input.
  expect(a.client.getSnapshot().localStream!.getVideoTracks()[0]!.id).toBe(fx.processor.output!.id);
  expect(fx.inputs[0]!.readyState).toBe('live');

  // Camera off and on: a new capture goes through the same processor; the old capture is stopped.
  await a.client.camera.disable();
  await a.client.camera.enable();
  expect(fx.inputs).toHaveLength(2);
  expect(fx.inputs[0]!.readyState).toBe('ended');
  expect(sentVideo(counting.transports).map((t) => t.id)).toEqual([fx.processor.output!.id]);

  // Removing it sends the raw camera again.
  await a.client.camera.setProcessor(null);
  expect(a.client.getSnapshot().media.camera.processor).toBeNull();
  expect(sentVideo(counting.transports).map((t) => t.id)).toEqual([fx.inputs[1]!.id]);

  // None of that renegotiated, and the other side kept its receiver track.
  expect(counting.offers.reduce((x, y) => x + y, 0)).toBe(offersBefore);
  expect(b.client.getSnapshot().remoteParticipants[0]!.stream!.getVideoTracks()[0]!.id).toBe(remoteTrackBefore);

  await a.client.camera.setProcessor(fx.processor);
  await a.client.leave();
  expect(fx.stops()).toBeGreaterThanOrEqual(2);
  expect(a.devices.liveTracks).toBe(0);
});

it('a processor that cannot start, or breaks later, falls back to the raw camera with a typed error', async () => {
  const counting = countingOffers();
  const a = fixture.node('Therapist', { peerTransport: counting.factory });
  const b = fixture.node('Client');
  const errors: string[] = [];
  a.client.on('error', ({ error }) => errors.push(error.code));
  await a.client.join('processor-fallback');
  await b.client.join('processor-fallback');
  await Promise.all([waitForState(a.client, meshReady(1)), waitForState(b.client, meshReady(1))]);
  const camera = a.client.getSnapshot().localStream!.getVideoTracks()[0]!;

  await a.client.camera.setProcessor(fakeProcessor({ failStart: true }).processor);
  expect(a.client.getSnapshot().media.camera.processor).toBeNull();
  expect(sentVideo(counting.transports).map((t) => t.id)).toEqual([camera.id]);
  expect(errors).toContain('unsupported-browser');

  const fx = fakeProcessor();
  await a.client.camera.setProcessor(fx.processor);
  expect(a.client.getSnapshot().media.camera.processor).toBe('background');
  fx.breakDown();
  await waitForState(a.client, (s) => s.media.camera.processor === null, 5_000, 'fallback');
  expect(sentVideo(counting.transports).map((t) => t.id)).toEqual([camera.id]);
  expect(errors).toContain('media-failed');
  expect(camera.readyState).toBe('live');
  // A video processor never goes on the microphone.
  await expect(a.client.microphone.setProcessor(fx.processor)).rejects.toMatchObject({ code: 'invalid-state' });
});
