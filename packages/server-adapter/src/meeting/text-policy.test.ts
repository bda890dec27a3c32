import { describe, expect, it } from 'vitest';
import { cleanChatText, cleanDisplayName } from './text-policy';

describe('cleanDisplayName', () => {
  it('removes direction overrides, invisible and control characters, and collapses spaces', () => {
    expect(cleanDisplayName('Thera\u200Bpist')).toBe('Therapist');
    expect(cleanDisplayName('\u202Etsipareht\u202C')).toBe('tsipareht');
    expect(cleanDisplayName('  Dr.\u00A0\u00A0Ada\n\tLovelace\u0007 ')).toBe('Dr. Ada Lovelace');
    expect(cleanDisplayName('\uFEFFHost\u2066\u2069')).toBe('Host');
    expect(cleanDisplayName('\u200B\u200D\u202E ')).toBeUndefined();
    expect(cleanDisplayName(undefined)).toBeUndefined();
  });
  it('keeps what scripts and emoji need: NFC, ZWNJ between letters, ZWJ in emoji sequences', () => {
    expect(cleanDisplayName('Jose\u0301')).toBe('José');
    expect(cleanDisplayName('\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645')).toBe('\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645');
    expect(cleanDisplayName('Ana \u{1F469}\u200D\u2695\uFE0F')).toBe('Ana \u{1F469}\u200D\u2695\uFE0F');
    expect(cleanDisplayName('A\u200DB')).toBe('AB');
    expect(cleanDisplayName('\u0645\u05D0\u05D1')).toBe('\u0645\u05D0\u05D1');
  });
  it('shortens mark stacks and cuts at 64 code units without splitting a surrogate pair', () => {
    expect(cleanDisplayName(`Q${'\u0301'.repeat(40)}`)).toBe(`Q${'\u0301'.repeat(4)}`);
    const long = `${'a'.repeat(63)}\u{1F600}`;
    expect(cleanDisplayName(long)).toBe('a'.repeat(63));
    expect(cleanDisplayName('x'.repeat(500))).toHaveLength(64);
  });
  it('takes plain ASCII names as they are and still cleans the ones that only look plain', () => {
    expect(cleanDisplayName('Dr. Ada Lovelace')).toBe('Dr. Ada Lovelace');
    expect(cleanDisplayName('a'.repeat(64))).toBe('a'.repeat(64));
    expect(cleanDisplayName(`${'a'.repeat(63)} b`)).toBe('a'.repeat(63));
    expect(cleanDisplayName('Ada  Lovelace ')).toBe('Ada Lovelace');
    expect(cleanDisplayName(' ')).toBeUndefined();
    expect(cleanDisplayName('')).toBeUndefined();
  });
});

describe('cleanChatText', () => {
  it('trims plain ASCII text and keeps its tabs and line feeds', () => {
    expect(cleanChatText('  see you\tnext\nweek  ')).toBe('see you\tnext\nweek');
    expect(cleanChatText('line\r\nend')).toBe('line\nend');
  });

  it('keeps line breaks, tabs and zero-width characters; removes direction controls, BOM and other controls', () => {
    expect(cleanChatText('line 1\r\nline 2\r\tend')).toBe('line 1\nline 2\n\tend');
    expect(cleanChatText('file \u202Egnp.exe')).toBe('file gnp.exe');
    expect(cleanChatText('\u2067rtl\u2069 \uFEFFok\u0000\u001B[31m')).toBe('rtl ok[31m');
    expect(cleanChatText('\u0E01\u200B\u0E02')).toBe('\u0E01\u200B\u0E02');
    expect(cleanChatText(`a${'\u0336'.repeat(100)}`)).toBe(`a${'\u0336'.repeat(4)}`);
    expect(cleanChatText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });
});
