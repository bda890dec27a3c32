import { describe, expect, it } from 'vitest';
import type { MeetingError } from '../errors/meeting-error';
import { createPlayback } from './playback';

/** A media element whose `play()` is refused until `allow()` (the browser's autoplay policy). */
function element() {
  let allowed = false;
  const sinks: string[] = [];
  const el = {
    play: () => (allowed ? Promise.resolve() : Promise.reject(Object.assign(new Error('blocked'), { name: 'NotAllowedError' }))),
    setSinkId: async (id: string) => void sinks.push(id),
  };
  return { el: el as unknown as HTMLMediaElement, allow: () => (allowed = true), sinks };
}

describe('createPlayback', () => {
  it('detects blocked autoplay, reports it once, and resumes on startAudio', async () => {
    const blocked: boolean[] = [];
    const errors: MeetingError[] = [];
    const playback = createPlayback({ speakerId: () => 'spk-1', setBlocked: (b) => blocked.push(b), onError: (e) => errors.push(e) });
    const one = element();
    const two = element();
    const detach = playback.attach(one.el);
    playback.attach(two.el);
    await new Promise((r) => setTimeout(r, 0));
    expect(blocked).toEqual([true]);
    expect(errors.map((e) => e.code)).toEqual(['autoplay-blocked']);
    expect(one.sinks).toEqual(['spk-1']);
    one.allow();
    await playback.resume();
    expect(blocked).toEqual([true]); // `two` is still blocked
    two.allow();
    await playback.resume();
    expect(blocked).toEqual([true, false]);
    await playback.applySpeaker('spk-2');
    expect(two.sinks).toEqual(['spk-1', 'spk-2']);
    detach();
    await playback.applySpeaker('spk-3');
    expect(one.sinks).toEqual(['spk-1', 'spk-2']);
  });
});
