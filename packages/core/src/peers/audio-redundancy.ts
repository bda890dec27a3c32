/**
 * Audio redundancy (RED, RFC 2198) for the microphone: each audio packet also carries the
 * previous packet's Opus frame, so one packet lost on a lossy home link is rebuilt from the next
 * instead of concealed. Chromium offers `red/48000/2` (wrapping Opus) after Opus; listing it first
 * in the audio section of our offers and answers makes it the codec both sides send. A browser
 * without RED leaves it out of its answer and both sides send plain Opus, so nothing breaks.
 * The cost is about one more Opus stream of bitrate (~30 kbit/s) — what a person on a weak link
 * needs more than a sharper picture, which the link policy pauses first.
 */

/** Line break of the SDP as written (RFC 8866 says CRLF; some stacks write LF). */
const lineBreak = (sdp: string) => (sdp.includes('\r\n') ? '\r\n' : '\n');

/**
 * The SDP with the RED payload type moved to the front of every audio m-line whose RED wraps
 * Opus (`a=fmtp:<red> <opus>/<opus>`). Anything else is returned unchanged.
 */
export function preferAudioRedundancy(sdp: string): string {
  const eol = lineBreak(sdp);
  const lines = sdp.split(eol);
  const sections: AudioSection[] = [];
  let current: AudioSection | null = null;
  lines.forEach((line, i) => {
    if (line.startsWith('m=')) {
      current = line.startsWith('m=audio ') ? { mLine: i } : null;
      if (current) sections.push(current);
    } else if (current) {
      readAttribute(current, line);
    }
  });
  for (const s of sections) {
    if (!s.red || !s.opus || !s.redWrapsOpus) continue;
    const [media, port, proto, ...formats] = lines[s.mLine]!.split(' ');
    if (formats[0] === s.red) continue;
    lines[s.mLine] = [media, port, proto, s.red, ...formats.filter((pt) => pt !== s.red)].join(' ');
  }
  return lines.join(eol);
}

/** What an audio m-section says about RED and Opus. */
interface AudioSection {
  mLine: number;
  red?: string;
  opus?: string;
  redWrapsOpus?: boolean;
}

function readAttribute(section: AudioSection, line: string): void {
  const rtpmap = /^a=rtpmap:(\d+) (red|opus)\/48000/i.exec(line);
  if (rtpmap) {
    if (rtpmap[2]!.toLowerCase() === 'red') section.red = rtpmap[1];
    else section.opus = rtpmap[1];
    return;
  }
  const fmtp = /^a=fmtp:(\d+) ([\d/]+)$/.exec(line);
  // `a=fmtp:63 111/111`: RED carrying Opus frames (the rtpmap lines come before their fmtp).
  if (fmtp && fmtp[1] === section.red) section.redWrapsOpus = fmtp[2]!.split('/').every((pt) => pt === section.opus);
}
