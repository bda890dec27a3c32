import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Server } from 'socket.io';
import type { Socket } from 'socket.io-client';
import {
  CLIENT_EVENTS,
  SERVER_EVENTS,
  clientEventSchemas,
  protocolErrorCodes,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type MeetingJoinedPayload,
  type Ack,
  type WebrtcSignalEvent,
} from './index';

// The deployment guide's "WebSocket Events" section, verbatim. If a name changes here, the
// guide and every deployed client break: these lists are the contract.
const GUIDE_CLIENT_TO_SERVER = [
  'join-meeting', 'leave-meeting', 'toggle-media', 'participant-ready', 'chat-message',
  'webrtc-signal', 'webrtc-offer', 'webrtc-answer', 'webrtc-ice-candidate',
];
const GUIDE_SERVER_TO_CLIENT = [
  'meeting-joined', 'participant-joined', 'participant-left', 'participant-media-changed',
  'participant-ready', 'meeting-started', 'meeting-ended', 'chat-message', 'webrtc-signal',
  'webrtc-offer', 'webrtc-answer', 'webrtc-ice-candidate', 'webrtc-error',
];

describe('event names', () => {
  it('match the deployment guide exactly', () => {
    expect([...CLIENT_EVENTS]).toEqual(GUIDE_CLIENT_TO_SERVER);
    expect([...SERVER_EVENTS]).toEqual(GUIDE_SERVER_TO_CLIENT);
    expect(Object.keys(clientEventSchemas)).toEqual(GUIDE_CLIENT_TO_SERVER);
  });

  it('type the event maps with exactly those keys', () => {
    expectTypeOf<keyof ClientToServerEvents>().toEqualTypeOf<(typeof CLIENT_EVENTS)[number]>();
    expectTypeOf<keyof ServerToClientEvents>().toEqualTypeOf<(typeof SERVER_EVENTS)[number]>();
  });
});

describe('payload types', () => {
  it('pins acknowledgements and relayed payloads', () => {
    type JoinAck = Parameters<ClientToServerEvents['join-meeting']>[1];
    expectTypeOf<JoinAck>().toEqualTypeOf<(result: Ack<MeetingJoinedPayload>) => void>();
    expectTypeOf<Parameters<ServerToClientEvents['webrtc-signal']>[0]>().toEqualTypeOf<WebrtcSignalEvent>();
    // The relayed signal carries `from` (stamped by the server); the sent one carries `to`.
    expectTypeOf<Parameters<ClientToServerEvents['webrtc-signal']>[0]>().toHaveProperty('to');
    expectTypeOf<WebrtcSignalEvent>().toHaveProperty('from');
  });

  it('types Socket.IO servers and clients from the same maps', () => {
    type ServerEmit = Server<ClientToServerEvents, ServerToClientEvents>['emit'];
    type ClientEmit = Socket<ServerToClientEvents, ClientToServerEvents>['emit'];
    expectTypeOf<Parameters<ServerEmit>[0]>().toEqualTypeOf<keyof ServerToClientEvents>();
    expectTypeOf<Parameters<ClientEmit>[0]>().toEqualTypeOf<keyof ClientToServerEvents>();
  });
});

describe('schemas', () => {
  it('accept every simple-peer signal shape untouched', () => {
    const shapes = [
      { type: 'offer', sdp: 'v=0\r\n' },
      { type: 'answer', sdp: 'v=0\r\n' },
      { type: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 } },
      { renegotiate: true },
      { type: 'transceiverRequest', transceiverRequest: { kind: 'video', init: { direction: 'sendrecv' } } },
    ];
    for (const signal of shapes) {
      const parsed = clientEventSchemas['webrtc-signal'].parse({ to: 'peer-1', signal });
      expect(parsed.signal).toEqual(signal);
    }
  });

  it('reject what must never be relayed', () => {
    const bad = [
      { to: '../etc', signal: {} },
      { to: 'peer-1', signal: 'not-an-object' },
      { to: 'peer-1', signal: {}, from: 'spoofed' },
    ];
    for (const payload of bad) expect(clientEventSchemas['webrtc-signal'].safeParse(payload).success).toBe(false);
    expect(clientEventSchemas['join-meeting'].safeParse({ meetingId: '' }).success).toBe(false);
    expect(clientEventSchemas['chat-message'].safeParse({ text: '   ' }).success).toBe(false);
    expect(clientEventSchemas['toggle-media'].safeParse({ source: 'smell', enabled: true }).success).toBe(false);
  });

  it('defaults participant-ready to true', () => {
    expect(clientEventSchemas['participant-ready'].parse({})).toEqual({ ready: true });
  });

  it('has a message for every error code', () => {
    expect(protocolErrorCodes.length).toBeGreaterThan(5);
    expect(new Set(protocolErrorCodes).size).toBe(protocolErrorCodes.length);
  });
});
