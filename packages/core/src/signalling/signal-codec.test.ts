import { describe, expect, it } from 'vitest';
import { webrtcIceCandidateSchema, webrtcOfferSchema, webrtcSignalSchema } from '../protocol/schemas';
import { decodeCandidate, decodeDescription, decodeSignal, encodeSignal } from './signal-codec';

describe('signal codec', () => {
  it('maps simple-peer signals onto the guide\'s events, each valid for the server schema', () => {
    const offer = encodeSignal('p2', 'c1', { type: 'offer', sdp: 'v=0' });
    expect(offer.event).toBe('webrtc-offer');
    expect(webrtcOfferSchema.parse(offer.payload)).toEqual({ to: 'p2', connectionId: 'c1', sdp: { type: 'offer', sdp: 'v=0' } });
    expect(encodeSignal('p2', 'c1', { type: 'answer', sdp: 'v=0' }).event).toBe('webrtc-answer');
    const cand = encodeSignal('p2', 'c1', { type: 'candidate', candidate: { candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 } });
    expect(cand.event).toBe('webrtc-ice-candidate');
    expect(webrtcIceCandidateSchema.safeParse(cand.payload).success).toBe(true);
    const reneg = encodeSignal('p2', 'c1', { type: 'renegotiate', renegotiate: true });
    expect(reneg.event).toBe('webrtc-signal');
    expect(webrtcSignalSchema.safeParse(reneg.payload).success).toBe(true);
  });
  it('decodes back to the simple-peer shape with the connection id', () => {
    expect(decodeDescription({ from: 'a', sdp: { type: 'offer', sdp: 'v=0' }, connectionId: 'c' })).toEqual({ from: 'a', connectionId: 'c', signal: { type: 'offer', sdp: 'v=0' } });
    expect(decodeCandidate({ from: 'a', candidate: { candidate: 'x' } }).signal).toEqual({ type: 'candidate', candidate: { candidate: 'x' } });
    expect(decodeSignal({ from: 'a', signal: { renegotiate: true } }).signal).toEqual({ renegotiate: true });
  });
});
