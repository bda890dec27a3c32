import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { emitRaw, nextEvent, settle, startHarness, type Harness } from '../test-utils/harness';

describe('Prometheus metrics', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('records meetings, participants, joins, leaves, errors and relayed signals into the host registry', async () => {
    const registry = new Registry();
    h = await startHarness({ metrics: { registry } });
    const meetingId = randomUUID();
    const { client: a } = await h.joinAs('interpreter', meetingId);
    const { client: b, joined: jb } = await h.joinAs('supervisor', meetingId);
    emitRaw(a, 'webrtc-signal', { to: jb.self.id, signal: { renegotiate: true } });
    await nextEvent(b, 'webrtc-signal');
    emitRaw(a, 'webrtc-signal', { bogus: true });
    await nextEvent(a, 'webrtc-error');
    let text = await registry.metrics();
    expect(text).toContain('mentara_meetings_active_meetings 1');
    expect(text).toContain('mentara_meetings_participants 2');
    expect(text).toContain('mentara_meetings_joins_total 2');
    expect(text).toContain('mentara_meetings_relayed_signals_total{event="webrtc-signal"} 1');
    expect(text).toContain('mentara_meetings_errors_total{code="invalid-payload"} 1');
    b.disconnect();
    await nextEvent(a, 'participant-left');
    await settle(50);
    text = await registry.metrics();
    expect(text).toContain('mentara_meetings_leaves_total{reason="disconnected"} 1');
    expect(text).toContain('mentara_meetings_participants 1');
    await h.close();
    expect(await registry.metrics()).not.toContain('mentara_meetings_');
    h = await startHarness({ metrics: { registry } }); // re-registering after close works
  });
});
