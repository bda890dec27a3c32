import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Server } from 'socket.io';
import type { Socket } from 'socket.io-client';
import {
  CLIENT_EVENTS,
  SERVER_EVENTS,
  GUIDE_CLIENT_EVENTS,
  GUIDE_SERVER_EVENTS,
  SESSION_CLIENT_EVENTS,
  SESSION_SERVER_EVENTS,
  CONNECTION_CLIENT_EVENTS,
  clientEventSchemas,
  protocolErrorCodes,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type JoinMeetingResult,
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

// The session flow (waiting room, host controls, session window), in the guide's kebab-case style.
const SESSION_CLIENT_TO_SERVER = ['admit-participant', 'deny-participant', 'remove-participant', 'request-mute', 'lock-meeting', 'extend-meeting'];
// Keeping the connection going: a new token before the current one expires.
const CONNECTION_CLIENT_TO_SERVER = ['refresh-token'];
const SESSION_SERVER_TO_CLIENT = [
  'participant-waiting', 'participant-admitted', 'participant-denied', 'participant-removed',
  'mute-requested', 'meeting-locked', 'meeting-updated',
];

describe('event names', () => {
  it('keep the deployment guide\'s events exactly, and add the session flow after them', () => {
    expect([...GUIDE_CLIENT_EVENTS]).toEqual(GUIDE_CLIENT_TO_SERVER);
    expect([...GUIDE_SERVER_EVENTS]).toEqual(GUIDE_SERVER_TO_CLIENT);
    expect([...SESSION_CLIENT_EVENTS]).toEqual(SESSION_CLIENT_TO_SERVER);
    expect([...SESSION_SERVER_EVENTS]).toEqual(SESSION_SERVER_TO_CLIENT);
    expect([...CONNECTION_CLIENT_EVENTS]).toEqual(CONNECTION_CLIENT_TO_SERVER);
    expect([...CLIENT_EVENTS]).toEqual([...GUIDE_CLIENT_TO_SERVER, ...SESSION_CLIENT_TO_SERVER, ...CONNECTION_CLIENT_TO_SERVER]);
    expect([...SERVER_EVENTS]).toEqual([...GUIDE_SERVER_TO_CLIENT, ...SESSION_SERVER_TO_CLIENT]);
    expect(Object.keys(clientEventSchemas)).toEqual([...GUIDE_CLIENT_TO_SERVER, ...SESSION_CLIENT_TO_SERVER, ...CONNECTION_CLIENT_TO_SERVER]);
    for (const name of [...SESSION_CLIENT_TO_SERVER, ...SESSION_SERVER_TO_CLIENT, ...CONNECTION_CLIENT_TO_SERVER]) expect(name).toMatch(/^[a-z]+(-[a-z]+)+$/);
  });

  it('type the event maps with exactly those keys', () => {
    expectTypeOf<keyof ClientToServerEvents>().toEqualTypeOf<(typeof CLIENT_EVENTS)[number]>();
    expectTypeOf<keyof ServerToClientEvents>().toEqualTypeOf<(typeof SERVER_EVENTS)[number]>();
  });
});

describe('payload types', () => {
  it('pins acknowledgements and relayed payloads', () => {
    type JoinAck = Parameters<ClientToServerEvents['join-meeting']>[1];
    expectTypeOf<JoinAck>().toEqualTypeOf<(result: Ack<JoinMeetingResult>) => void>();
    // Waiting or admitted: the answer says which, and only `admitted` carries the roster and chat.
    expectTypeOf<Extract<JoinMeetingResult, { admission: 'waiting' }>>().not.toHaveProperty('participants');
    expectTypeOf<Extract<JoinMeetingResult, { admission: 'waiting' }>>().not.toHaveProperty('chat');
    expectTypeOf<Extract<JoinMeetingResult, { admission: 'admitted' }>>().toHaveProperty('chat');
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

  it('validate the host controls', () => {
    const ok: Array<[keyof typeof clientEventSchemas, unknown]> = [
      ['admit-participant', { participantId: 'p-1' }],
      ['admit-participant', { all: true }],
      ['deny-participant', { participantId: 'p-1' }],
      ['remove-participant', { participantId: 'p-1' }],
      ['request-mute', { participantId: 'p-1' }],
      ['request-mute', { participantId: 'p-1', source: 'camera' }],
      ['lock-meeting', { locked: true }],
      ['extend-meeting', { minutes: 15 }],
    ];
    for (const [event, payload] of ok) expect(clientEventSchemas[event].safeParse(payload).success, event).toBe(true);
    const bad: Array<[keyof typeof clientEventSchemas, unknown]> = [
      ['admit-participant', { all: false }],
      ['admit-participant', { participantId: 'p-1', all: true }],
      ['deny-participant', {}],
      ['remove-participant', { participantId: '../x' }],
      ['request-mute', { participantId: 'p-1', source: 'screen' }],
      ['lock-meeting', { locked: 'yes' }],
      ['extend-meeting', { minutes: 0 }],
      ['extend-meeting', { minutes: 1.5 }],
      ['extend-meeting', { minutes: 10_000 }],
    ];
    for (const [event, payload] of bad) expect(clientEventSchemas[event].safeParse(payload).success, `${event} ${JSON.stringify(payload)}`).toBe(false);
    expect(clientEventSchemas['request-mute'].parse({ participantId: 'p-1' })).toEqual({ participantId: 'p-1', source: 'microphone' });
  });

  it('defaults participant-ready to true', () => {
    expect(clientEventSchemas['participant-ready'].parse({})).toEqual({ ready: true });
  });

  it('has a message for every error code', () => {
    expect(protocolErrorCodes.length).toBeGreaterThan(5);
    expect(new Set(protocolErrorCodes).size).toBe(protocolErrorCodes.length);
  });
});
