import { describe, expect, it } from 'vitest';
import { MeetingError } from '../errors/meeting-error';
import type { MediaToggleState } from '../state/types';
import { createMediaToggle } from './media-toggle';

function setup(start: () => Promise<void>) {
  let on = false;
  let starts = 0;
  const updates: Array<Partial<MediaToggleState>> = [];
  const toggle = createMediaToggle({
    isEnabled: () => on,
    start: async () => {
      starts += 1;
      await start();
      on = true;
    },
    stop: async () => {
      on = false;
    },
    update: (p) => updates.push(p),
    onError: () => {},
    assertUsable: () => {},
  });
  return { toggle, updates, starts: () => starts };
}

describe('createMediaToggle', () => {
  it('serialises calls: a double enable captures once', async () => {
    const t = setup(() => new Promise((r) => setTimeout(r, 10)));
    await Promise.all([t.toggle.enable(), t.toggle.enable()]);
    expect(t.starts()).toBe(1);
    expect(t.updates).toEqual([{ pending: true }, { enabled: true, pending: false, error: null }]);
    await t.toggle.toggle();
    expect(t.updates.at(-1)).toEqual({ enabled: false, pending: false, error: null });
  });
  it('stores and rejects with a typed error', async () => {
    const t = setup(async () => {
      throw Object.assign(new Error('no'), { name: 'NotAllowedError' });
    });
    await expect(t.toggle.enable()).rejects.toMatchObject({ code: 'permission-denied' });
    expect(t.updates.at(-1)?.error).toBeInstanceOf(MeetingError);
    expect(t.updates.at(-1)?.pending).toBe(false);
  });
});
