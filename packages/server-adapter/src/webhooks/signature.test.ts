import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { constructWebhookEvent, signWebhookPayload, verifyWebhookSignature, WebhookSignatureError } from './signature';

const secret = 'whsec-test-0123456789abcdef0123456789';
const body = JSON.stringify({ id: 'evt-1', type: 'meeting.started', createdAt: 1_700_000_000_000, data: { meetingId: 'm1', startedAt: 1, participants: [] } });
const t = 1_700_000_000;
const now = t * 1000;

describe('webhook signatures', () => {
  it('is a hex HMAC-SHA256 of "<t>.<raw body>", any language can recompute it', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signWebhookPayload(body, secret, t)).toBe(`t=${t},v1=${expected}`);
    expect(signWebhookPayload(Buffer.from(body), secret, t)).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies the raw body as bytes or string, and refuses a changed body or another secret', () => {
    const header = signWebhookPayload(body, secret, t);
    expect(verifyWebhookSignature({ rawBody: body, header, secret, now })).toEqual({ ok: true, timestamp: t });
    expect(verifyWebhookSignature({ rawBody: new TextEncoder().encode(body), header: [header], secret, now })).toEqual({ ok: true, timestamp: t });
    // Re-serialised JSON is not the raw body: a space changes the signature.
    expect(verifyWebhookSignature({ rawBody: JSON.stringify(JSON.parse(body), null, 1), header, secret, now })).toEqual({ ok: false, reason: 'signature-mismatch' });
    expect(verifyWebhookSignature({ rawBody: body, header, secret: 'another-secret-0123456789', now })).toEqual({ ok: false, reason: 'signature-mismatch' });
  });

  it('refuses a signature made outside the tolerance, either way (replays)', () => {
    const header = signWebhookPayload(body, secret, t);
    expect(verifyWebhookSignature({ rawBody: body, header, secret, now: now + 301_000 })).toEqual({ ok: false, reason: 'timestamp-outside-tolerance' });
    expect(verifyWebhookSignature({ rawBody: body, header, secret, now: now - 301_000 })).toEqual({ ok: false, reason: 'timestamp-outside-tolerance' });
    expect(verifyWebhookSignature({ rawBody: body, header, secret, now: now + 299_000 }).ok).toBe(true);
    expect(verifyWebhookSignature({ rawBody: body, header, secret, now: now + 60_000, toleranceSeconds: 30 })).toEqual({ ok: false, reason: 'timestamp-outside-tolerance' });
  });

  it('accepts any of several secrets and signatures (rotation), and ignores unknown schemes', () => {
    const header = signWebhookPayload(body, ['old-secret-0123456789abcdef', secret], t);
    expect(header.split(',v1=')).toHaveLength(3);
    expect(verifyWebhookSignature({ rawBody: body, header, secret, now }).ok).toBe(true);
    expect(verifyWebhookSignature({ rawBody: body, header: signWebhookPayload(body, secret, t), secret: ['new-secret-0123456789abcdef', secret], now }).ok).toBe(true);
    const withV0 = `${signWebhookPayload(body, secret, t)},v0=deadbeef`;
    expect(verifyWebhookSignature({ rawBody: body, header: withV0, secret, now }).ok).toBe(true);
  });

  it('tells a missing header from a malformed one', () => {
    expect(verifyWebhookSignature({ rawBody: body, header: undefined, secret, now })).toEqual({ ok: false, reason: 'missing-signature' });
    expect(verifyWebhookSignature({ rawBody: body, header: '', secret, now })).toEqual({ ok: false, reason: 'missing-signature' });
    for (const header of ['garbage', `t=${t}`, 'v1=abc', `t=x,v1=${'0'.repeat(64)}`, `t=${t},v1=zz`]) {
      expect(verifyWebhookSignature({ rawBody: body, header, secret, now })).toEqual({ ok: false, reason: 'malformed-signature' });
    }
  });

  it('constructWebhookEvent returns the typed event, or throws with the reason', () => {
    const event = constructWebhookEvent({ rawBody: body, header: signWebhookPayload(body, secret, t), secret, now });
    expect(event).toMatchObject({ id: 'evt-1', type: 'meeting.started', data: { meetingId: 'm1' } });
    const refused = (() => {
      try {
        constructWebhookEvent({ rawBody: body, header: signWebhookPayload(body, 'wrong-secret-0123456789', t), secret, now });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(WebhookSignatureError);
    expect((refused as WebhookSignatureError).reason).toBe('signature-mismatch');
    const notAnEvent = '{"hello":"world"}';
    expect(() => constructWebhookEvent({ rawBody: notAnEvent, header: signWebhookPayload(notAnEvent, secret, t), secret, now })).toThrow(
      expect.objectContaining({ reason: 'malformed-body' }),
    );
  });
});
