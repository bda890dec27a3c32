import { describe, expect, it } from 'vitest';
import { MAX_EVENT_BYTES } from '../protocol/events';
import { encodedEventBytes, LARGE_EVENT_BYTES, watchLargeEvents } from './event-size';

describe('encodedEventBytes', () => {
  it('counts the JSON of the event as UTF-8 bytes, with the packet framing', () => {
    const ascii = encodedEventBytes('chat-message', { text: 'a'.repeat(MAX_EVENT_BYTES) });
    const euro = encodedEventBytes('chat-message', { text: '€'.repeat(MAX_EVENT_BYTES / 2) });
    const framing = ascii - JSON.stringify(['chat-message', { text: 'a'.repeat(MAX_EVENT_BYTES) }]).length;
    expect(framing).toBeGreaterThan(0);
    expect(ascii).toBeGreaterThan(MAX_EVENT_BYTES);
    // '€' is 3 bytes in UTF-8: half a million of them are 1.5 MB, though only 500,000 characters.
    expect(euro).toBe(JSON.stringify(['chat-message', { text: '' }]).length + (MAX_EVENT_BYTES / 2) * 3 + framing);
    expect(encodedEventBytes('toggle-media', { source: 'camera', enabled: true })).toBeLessThan(100);
  });
});

describe('watchLargeEvents', () => {
  it('blames a transport close on a large event sent just before it, once', () => {
    let now = 1_000;
    const watch = watchLargeEvents(() => now);
    watch.note('webrtc-signal', 2_000);
    expect(watch.closedOverSize('transport close')).toBeUndefined();
    watch.note('chat-message', LARGE_EVENT_BYTES);
    now += 500;
    expect(watch.closedOverSize('io server disconnect')).toBeUndefined();
    expect(watch.closedOverSize('transport close')).toMatchObject({ code: 'payload-too-large' });
    expect(watch.closedOverSize('transport close')).toBeUndefined();
    watch.note('chat-message', LARGE_EVENT_BYTES);
    now += 2_001;
    expect(watch.closedOverSize('transport error')).toBeUndefined();
  });
});
