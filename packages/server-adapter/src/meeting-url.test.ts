import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingJoinedPayload } from '@mentara/meetings-core/protocol';
import { createMeeting, meetingUrl } from './meeting-url';
import { ack, nextEvent, settle, startHarness, type Harness } from './test-utils/harness';

describe('createMeeting', () => {
  it('builds {FRONTEND_URL}/meeting/{meetingId} with an unguessable UUID', () => {
    const { meetingId, url } = createMeeting({ env: { FRONTEND_URL: 'https://mentara.example/' } });
    expect(meetingId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(url).toBe(`https://mentara.example/meeting/${meetingId}`);
    expect(createMeeting({ env: {} , frontendUrl: 'http://127.0.0.1:3000' }).url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/meeting\//);
  });

  it('falls back to APP_URL and names both variables when neither is set', () => {
    expect(meetingUrl('abc', { env: { APP_URL: 'https://app.example' } })).toBe('https://app.example/meeting/abc');
    expect(meetingUrl('abc', { env: { FRONTEND_URL: '', APP_URL: 'https://app.example' } })).toBe('https://app.example/meeting/abc');
    expect(() => createMeeting({ env: {} })).toThrow(/FRONTEND_URL.*APP_URL/);
    expect(() => createMeeting({ env: { FRONTEND_URL: 'not a url' } })).toThrow(/not a valid URL/);
    expect(() => createMeeting({ env: { FRONTEND_URL: 'javascript:alert(1)' } })).toThrow(/http\(s\)/);
  });

  it('never repeats ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => createMeeting({ frontendUrl: 'https://x.example' }).meetingId));
    expect(ids.size).toBe(1000);
  });
});

describe('MeetingsServer.createMeeting', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('registers the meeting with its scheduled end, which the server enforces', async () => {
    h = await startHarness();
    // Far enough ahead that a loaded machine still joins before the end.
    const endsAt = Date.now() + 3_000;
    const { meetingId, url } = await h.meetings.createMeeting({ frontendUrl: 'https://app.example', endsAt });
    expect(url).toBe(`https://app.example/meeting/${meetingId}`);
    const client = await h.connect({ token: await h.token('interpreter', meetingId) });
    const joined = await ack<MeetingJoinedPayload>(client, 'join-meeting', { meetingId });
    expect(joined.ok && joined.data.meeting.endsAt).toBe(endsAt);
    expect(await nextEvent(client, 'meeting-ended', 8_000)).toMatchObject({ meetingId, reason: 'scheduled-end' });
  });

  it('ends a registered meeting at its scheduled end even when nobody joined', async () => {
    h = await startHarness();
    const { meetingId } = await h.meetings.createMeeting({ frontendUrl: 'https://app.example', endsAt: Date.now() + 100 });
    await settle(300);
    expect(await h.meetings.store.getMeeting(meetingId)).toMatchObject({ status: 'ended', endReason: 'scheduled-end' });
  });

  it('keeps unrelated meetings untouched', async () => {
    h = await startHarness();
    expect(await h.meetings.store.getMeeting(randomUUID())).toBeUndefined();
  });
});
