import { describe, expect, it } from 'vitest';
import { decodePeerControl, encodePeerControl, PEER_CONTROL_VERSION } from './peer-control';
import { decodeStreamLabels, encodeStreamLabels } from './stream-labels';

describe('peer control messages', () => {
  it('round-trips every kind with the version on the wire', () => {
    expect(decodePeerControl(encodePeerControl({ kind: 'bye' }))).toEqual({ kind: 'bye' });
    const request = encodePeerControl({ kind: 'request', maxLevel: 'low' });
    expect(JSON.parse(request)).toMatchObject({ t: 'mentara:control', v: PEER_CONTROL_VERSION });
    expect(decodePeerControl(request)).toEqual({ kind: 'request', maxLevel: 'low' });
    const video = encodePeerControl({ kind: 'video', level: 'paused', reason: 'network' });
    expect(decodePeerControl(video)).toEqual({ kind: 'video', level: 'paused', reason: 'network' });
    expect(decodePeerControl(encodePeerControl({ kind: 'video', level: 'high', reason: null }))).toEqual({ kind: 'video', level: 'high', reason: null });
    const stalled = encodePeerControl({ kind: 'video', level: 'paused', reason: 'camera' });
    expect(decodePeerControl(stalled)).toEqual({ kind: 'video', level: 'paused', reason: 'camera' });
  });

  it('reads what it knows from a newer peer and ignores the rest', () => {
    const newer = JSON.stringify({ t: 'mentara:control', v: 2, kind: 'video', level: 'paused', reason: 'battery', extra: 1 });
    expect(decodePeerControl(newer)).toEqual({ kind: 'video', level: 'paused', reason: null });
    expect(decodePeerControl(JSON.stringify({ t: 'mentara:control', v: 2, kind: 'hello' }))).toBeNull();
    expect(decodePeerControl(JSON.stringify({ t: 'mentara:control', v: 1, kind: 'request', maxLevel: 'ultra' }))).toBeNull();
  });

  it('is told apart from stream labels and from anything else on the channel', () => {
    const labels = encodeStreamLabels({ camera: 'a', screen: null });
    expect(decodePeerControl(labels)).toBeNull();
    expect(decodeStreamLabels(encodePeerControl({ kind: 'request', maxLevel: 'high' }))).toBeNull();
    expect(decodePeerControl('not json')).toBeNull();
    expect(decodePeerControl('null')).toBeNull();
    expect(decodePeerControl(JSON.stringify({ t: 'mentara:control', kind: 'request', maxLevel: 'low' }))).toBeNull();
  });
});
