/**
 * Realistic signalling payloads: SDP descriptions of 3–5 KB (the size of a browser offer with
 * audio, video and a data channel) and ICE candidates of about 200 bytes on the wire.
 * Built once per process from a fixed pool, so generating them costs the load generator nothing.
 */
const MEDIA_LINES = [
  'a=rtpmap:111 opus/48000/2',
  'a=rtcp-fb:111 transport-cc',
  'a=fmtp:111 minptime=10;useinbandfec=1',
  'a=rtpmap:96 VP8/90000',
  'a=rtcp-fb:96 goog-remb',
  'a=rtcp-fb:96 transport-cc',
  'a=rtcp-fb:96 ccm fir',
  'a=rtcp-fb:96 nack',
  'a=rtcp-fb:96 nack pli',
  'a=rtpmap:97 rtx/90000',
  'a=fmtp:97 apt=96',
  'a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level',
  'a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time',
  'a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01',
  'a=ssrc:3735928559 cname:4TOk42mSjXCkVIa6',
  'a=ssrc:3735928559 msid:stream0 track0',
];

function sdp(type, targetBytes, seed) {
  const lines = [
    'v=0',
    `o=- ${4611731400430051336n + BigInt(seed)} 2 IN IP4 127.0.0.1`,
    's=-',
    't=0 0',
    'a=group:BUNDLE 0 1 2',
    'a=msid-semantic: WMS stream0',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126',
    'c=IN IP4 0.0.0.0',
    'a=ice-ufrag:EsAw',
    'a=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1',
    'a=fingerprint:sha-256 D2:FA:0E:C3:22:59:5E:14:95:69:92:3D:13:B4:84:24:2C:C2:A2:C0:3E:FD:34:8E:5E:EA:6F:AF:52:CE:E6:0F',
    `a=setup:${type === 'offer' ? 'actpass' : 'active'}`,
  ];
  let i = 0;
  while (lines.join('\r\n').length < targetBytes) lines.push(MEDIA_LINES[i++ % MEDIA_LINES.length]);
  return `${lines.join('\r\n')}\r\n`;
}

const POOL = 16;
const offers = Array.from({ length: POOL }, (_, i) => sdp('offer', 3000 + Math.floor((2000 * i) / (POOL - 1)), i));
const answers = Array.from({ length: POOL }, (_, i) => sdp('answer', 3000 + Math.floor((2000 * (POOL - 1 - i)) / (POOL - 1)), i));

/** An SDP (3–5 KB) for the n-th message. */
export const sdpFor = (type, n) => (type === 'offer' ? offers : answers)[n % POOL];

/** An ICE candidate object (~200 bytes as JSON), as simple-peer sends it. */
export const candidateFor = (n) => ({
  candidate: `candidate:${842163049 + (n % 997)} 1 udp 1677729535 203.0.113.${n % 250} ${40000 + (n % 20000)} typ srflx raddr 10.0.0.5 rport ${40000 + (n % 20000)} generation 0 ufrag EsAw network-id 1 network-cost 10`,
  sdpMLineIndex: 0,
  sdpMid: '0',
});
