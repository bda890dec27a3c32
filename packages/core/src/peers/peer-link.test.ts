import { describe, expect, it } from 'vitest';
import { setup } from './peer-link.fixtures';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('createPeerLink', () => {
  it('the smaller id initiates with the configured ICE servers; signals carry the attempt id', async () => {
    const { link, transports, sent } = setup('a', 'b');
    link.start();
    await tick();
    expect(transports).toHaveLength(1);
    expect(transports[0]!.options.initiator).toBe(true);
    expect(transports[0]!.options.config.iceServers).toHaveLength(1);
    transports[0]!.fire('signal', { type: 'offer', sdp: 'v=0' });
    const id = sent[0]!.connectionId;
    link.handleSignal(id, { type: 'answer', sdp: 'v=0' });
    link.handleSignal('some-other-attempt', { type: 'answer', sdp: 'stale' });
    expect(transports[0]!.fed).toEqual([{ type: 'answer', sdp: 'v=0' }]);
    link.close();
  });

  it('the other side waits for the offer, adopts a new attempt and drops signals of the retired one', async () => {
    const { link, transports, states } = setup('b', 'a');
    link.start();
    link.handleSignal('first', { type: 'offer', sdp: 'v=0' });
    link.handleSignal('first', { type: 'candidate', candidate: { candidate: 'c1' } });
    await tick();
    expect(transports[0]!.options.initiator).toBe(false);
    expect(transports[0]!.fed).toHaveLength(2);
    link.handleSignal('second', { type: 'offer', sdp: 'v=0' });
    await tick();
    expect(transports[0]!.destroyed).toBe(true);
    link.handleSignal('first', { type: 'candidate', candidate: { candidate: 'late' } });
    expect(transports[1]!.fed).toEqual([{ type: 'offer', sdp: 'v=0' }]);
    transports[1]!.fire('connect');
    expect(states.at(-1)).toBe('connected');
    link.close();
    expect(states.at(-1)).toBe('closed');
  });

  it('rebuilds after a failure with a new attempt, then gives up with peer-connection-failed', async () => {
    const { link, transports, states, errors } = setup('a', 'b', 2);
    link.start();
    await tick();
    transports[0]!.fire('connect');
    transports[0]!.fire('error', new Error('ICE failed'));
    expect(states).toContain('reconnecting');
    await tick(40);
    expect(transports).toHaveLength(2);
    transports[1]!.fire('close');
    await tick(40);
    transports[2]!.fire('close');
    await tick(40);
    expect(transports).toHaveLength(3);
    expect(states.at(-1)).toBe('failed');
    expect(errors.map((e) => [e.code, e.participantId])).toEqual([['peer-connection-failed', 'b']]);
    link.restart();
    await tick();
    expect(transports).toHaveLength(4);
    expect(states.at(-1)).toBe('reconnecting');
    link.close();
  });

  it('a stuck attempt times out; the non-initiator asks the initiator to rebuild', async () => {
    const b = setup('b', 'a', 3);
    b.link.start();
    await tick(260);
    expect(b.sent.at(-1)).toEqual({ connectionId: 'none', signal: { type: 'mentara-rebuild' } });
    const a = setup('a', 'b', 3);
    a.link.start();
    await tick();
    a.link.handleSignal('none', { type: 'mentara-rebuild' });
    await tick();
    expect(a.transports).toHaveLength(2);
    expect(a.transports[0]!.destroyed).toBe(true);
    a.link.close();
    b.link.close();
  });

  it('a slow attempt that makes progress (ICE checking) gets its full connect time again', async () => {
    const { link, transports } = setup('a', 'b', 3);
    link.start();
    await tick();
    expect(transports).toHaveLength(1);
    await tick(150);
    transports[0]!.fire('ice', 'checking');
    await tick(120);
    // 270 ms after the build: past the 200 ms connect timeout, but only 120 ms after progress.
    expect(transports).toHaveLength(1);
    expect(transports[0]!.destroyed).toBe(false);
    await tick(150);
    expect(transports[0]!.destroyed).toBe(true);
    link.close();
  });
});
