import { describe, expect, it } from 'vitest';
import { mergeChat } from './merge-chat';

const m = (id: string, sentAt: number) => ({ id, meetingId: 'm', from: 'p', fromName: 'P', text: id, sentAt });

describe('mergeChat', () => {
  it('de-duplicates by id and orders by server time, then id', () => {
    expect(mergeChat([m('b', 2)], [m('a', 2), m('b', 2), m('c', 1)]).map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });
  it('returns the same array when nothing is new', () => {
    const current = [m('a', 1)];
    expect(mergeChat(current, [m('a', 1)])).toBe(current);
    expect(mergeChat(current, [])).toBe(current);
  });
});
