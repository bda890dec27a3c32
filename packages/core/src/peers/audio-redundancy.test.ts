import { describe, expect, it } from 'vitest';
import { preferAudioRedundancy } from './audio-redundancy';

/** Audio and video sections as Chromium writes them (trimmed). */
const OFFER = [
  'v=0',
  'o=- 1 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126',
  'a=mid:0',
  'a=rtpmap:111 opus/48000/2',
  'a=fmtp:111 minptime=10;useinbandfec=1',
  'a=rtpmap:63 red/48000/2',
  'a=fmtp:63 111/111',
  'a=rtpmap:9 G722/8000',
  'm=video 9 UDP/TLS/RTP/SAVPF 96 97',
  'a=mid:1',
  'a=rtpmap:96 VP8/90000',
  'a=rtpmap:97 rtx/90000',
  '',
].join('\r\n');

describe('preferAudioRedundancy', () => {
  it('lists RED over Opus first in the audio section and leaves everything else as it was', () => {
    const out = preferAudioRedundancy(OFFER);
    expect(out.split('\r\n')[4]).toBe('m=audio 9 UDP/TLS/RTP/SAVPF 63 111 9 0 8 13 110 126');
    expect(out.replace('63 111 9', '111 63 9')).toBe(OFFER);
  });

  it('changes nothing without RED, with RED over another codec, or when RED is first already', () => {
    const noRed = OFFER.replace('a=rtpmap:63 red/48000/2\r\na=fmtp:63 111/111\r\n', '').replace(' 63 ', ' ');
    expect(preferAudioRedundancy(noRed)).toBe(noRed);
    const redOverG722 = OFFER.replace('a=fmtp:63 111/111', 'a=fmtp:63 9/9');
    expect(preferAudioRedundancy(redOverG722)).toBe(redOverG722);
    const first = preferAudioRedundancy(OFFER);
    expect(preferAudioRedundancy(first)).toBe(first);
  });

  it('keeps the line breaks it was given', () => {
    const lf = OFFER.replaceAll('\r\n', '\n');
    expect(preferAudioRedundancy(lf)).toBe(preferAudioRedundancy(OFFER).replaceAll('\r\n', '\n'));
  });
});
