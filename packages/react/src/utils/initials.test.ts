import { describe, expect, it } from 'vitest';
import { initialsOf } from './initials';

describe('initialsOf', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initialsOf('Therapist')).toBe('T');
    expect(initialsOf('  mary ann  lee ')).toBe('ML');
  });

  it('leaves notes in brackets and punctuation out', () => {
    expect(initialsOf('Alex (client)')).toBe('A');
    expect(initialsOf('Alex [interpreter] Kim')).toBe('AK');
    expect(initialsOf('"Sam" O\'Neil')).toBe('SO');
    expect(initialsOf('(client)')).toBe('C');
  });

  it('keeps accents, other scripts and emoji whole', () => {
    expect(initialsOf('émile zola')).toBe('ÉZ');
    // "e" followed by a combining acute accent is one character on screen.
    expect(initialsOf('e\u0301lodie')).toBe('E\u0301');
    expect(initialsOf('Łukasz Żak')).toBe('ŁŻ');
    expect(initialsOf('山田 太郎')).toBe('山太');
    expect(initialsOf('👩‍👩‍👧 Family')).toBe('👩‍👩‍👧');
    expect(initialsOf('Sunny 🌻')).toBe('S');
    expect(initialsOf('🇺🇦')).toBe('🇺🇦');
  });

  it('falls back for an empty name', () => {
    expect(initialsOf('   ')).toBe('?');
    expect(initialsOf('', 'G')).toBe('G');
  });
});
