import { describe, expect, it } from 'vitest';
import { defaultMessages, formatMessage, mergeMessages } from './messages';

describe('messages', () => {
  it('fills placeholders and keeps unknown ones', () => {
    expect(formatMessage('{name}: {text}', { name: 'Therapist', text: 'Hi' })).toBe('Therapist: Hi');
    expect(formatMessage('{name} {missing}', { name: 'Therapist' })).toBe('Therapist {missing}');
  });

  it('merges overrides over English, one level deep for grouped strings', () => {
    const merged = mergeMessages({ leave: 'Verlassen', connectionState: { reconnecting: 'Verbinde neu…' } });
    expect(merged.leave).toBe('Verlassen');
    expect(merged.join).toBe(defaultMessages.join);
    expect(merged.connectionState.reconnecting).toBe('Verbinde neu…');
    expect(merged.connectionState.connected).toBe('Connected');
    expect(mergeMessages(undefined)).toBe(defaultMessages);
  });

  it('merges the weak-link and pre-call groups one level deep too', () => {
    const merged = mergeMessages({ linkNotice: { reconnecting: 'Verbinde neu…' }, precallAdvice: { 'try-another-network': 'Anderes Netz' } });
    expect(merged.linkNotice.reconnecting).toBe('Verbinde neu…');
    expect(merged.linkNotice.weakSelf).toBe(defaultMessages.linkNotice.weakSelf);
    expect(merged.precallAdvice['try-another-network']).toBe('Anderes Netz');
    expect(merged.precallAdvice['allow-camera']).toBe(defaultMessages.precallAdvice['allow-camera']);
    expect(merged.precallStep).toEqual(defaultMessages.precallStep);
  });

  it('merges every record of strings one level deep (an empty override keeps every default)', () => {
    const records = Object.entries(defaultMessages).filter(([, value]) => typeof value === 'object');
    expect(records.length).toBeGreaterThan(5);
    for (const [key, value] of records) {
      expect(mergeMessages({ [key]: {} })[key as keyof typeof defaultMessages], key).toEqual(value);
    }
  });

  it('has a non-empty English default for every string', () => {
    const flat = Object.entries(defaultMessages).flatMap(([key, value]) =>
      typeof value === 'string' ? [[key, value]] : Object.entries(value).map(([k, v]) => [`${key}.${k}`, v]),
    );
    expect(flat.filter(([, value]) => typeof value !== 'string' || value.trim() === '')).toEqual([]);
  });
});
