// A webrtc-internals-like log for one page, as init-script source (plain JavaScript, runs before
// the page's own scripts in Chromium and Firefox alike). It records, per RTCPeerConnection: every
// signalling, ICE gathering, ICE connection and connection state; every local candidate and every
// addIceCandidate call with its outcome; offers/answers with their m-lines and ICE ufrag; data
// channel open. It also records the Socket.IO signalling packets the page sends and receives
// (event, peer, connectionId, signal type, candidate), so both sides of a connection can be
// lined up on one clock. Read with `window.__signalTrace` (an array of `[ms, pc, text]`).

/** One event: epoch ms, connection index (-1: the page's socket), what happened. */
export type SignalTraceEvent = [at: number, pc: number, what: string];

/**
 * Expression that resolves to a one-line `getStats()` summary of every connection the page made:
 * states, ICE role, local/remote candidates known to the agent and the candidate pairs.
 */
export const STATS_SNAPSHOT_EXPRESSION = `Promise.all((window.__signalTracePcs || []).map(async (pc, i) => {
  const parts = [];
  (await pc.getStats()).forEach((r) => {
    if (r.type === 'transport') parts.push('transport ice=' + r.iceState + ' dtls=' + r.dtlsState + ' role=' + r.iceRole + ' selected=' + !!r.selectedCandidatePairId);
    else if (r.type === 'local-candidate' || r.type === 'remote-candidate') parts.push(r.type + ' ' + r.candidateType + ' ' + (r.address || r.ip) + ':' + r.port + '/' + r.protocol);
    else if (r.type === 'candidate-pair') parts.push('pair ' + r.state + ' nominated=' + r.nominated + ' req=' + r.requestsSent + '/' + r.requestsReceived + ' resp=' + r.responsesReceived + '/' + r.responsesSent);
  });
  return 'pc' + i + ' sig=' + pc.signalingState + ' gather=' + pc.iceGatheringState + ' ice=' + pc.iceConnectionState + ' conn=' + pc.connectionState + ' | ' + parts.join(' | ');
}))`;

/**
 * Expression that resolves to one line per connection the page made, from the trace: its role,
 * and when (ms after the page's first traced event) it was created, set its description, surfaced
 * its first local candidate, connected and closed — `cand=-` after `sld` is a connection whose ICE
 * agent gathered nothing. For failure messages of browser tests.
 */
export const CONNECTIONS_SUMMARY_EXPRESSION = `(() => {
  const log = window.__signalTrace || [];
  if (log.length === 0) return ['no traced connection'];
  const t0 = log[0][0];
  const pcs = new Map();
  for (const [at, pc, what] of log) {
    if (pc < 0) continue;
    const p = pcs.get(pc) || {};
    pcs.set(pc, p);
    const t = at - t0;
    if (what.startsWith('created')) p.created = t;
    else if (what.startsWith('SLD done') && p.sld === undefined) { p.sld = t; p.role = what.includes('done offer') ? 'offerer' : 'answerer'; }
    else if (what.startsWith('local-candidate candidate') && p.cand === undefined) p.cand = t;
    else if (what === 'conn-connected' && p.connected === undefined) p.connected = t;
    else if (what.startsWith('close()')) p.closed = t;
  }
  const f = (v) => (v === undefined ? '-' : v);
  return [...pcs].map(([pc, p]) => 'pc' + pc + ' ' + (p.role || '?') + ' created=' + f(p.created) + ' sld=' + f(p.sld) +
    ' cand=' + f(p.cand) + ' connected=' + f(p.connected) + ' closed=' + f(p.closed));
})()`;

/** Init-script source; installs the recorder once per page. */
export const SIGNAL_TRACE_SCRIPT = `(() => {
  if (window.__signalTrace) return;
  const log = [];
  const connections = [];
  Object.defineProperty(window, '__signalTrace', { value: log });
  Object.defineProperty(window, '__signalTracePcs', { value: connections });
  const add = (pc, what) => log.push([Date.now(), pc, what]);
  const ids = new WeakMap();
  let next = 0;
  const idOf = (pc) => (ids.has(pc) ? ids.get(pc) : -2);
  const summary = (sdp) => {
    const lines = (sdp || '').split(/\\r?\\n/);
    const m = lines.filter((l) => l.startsWith('m=')).map((l) => l.slice(2).split(' ')[0]).join(',');
    const ufrag = (lines.find((l) => l.startsWith('a=ice-ufrag:')) || '').slice(12);
    const setup = (lines.find((l) => l.startsWith('a=setup:')) || '').slice(8);
    const dirs = lines.filter((l) => /^a=(sendrecv|sendonly|recvonly|inactive)$/.test(l)).map((l) => l.slice(2)).join(',');
    return '[' + m + '] ufrag=' + ufrag + ' setup=' + setup + ' dirs=' + dirs;
  };
  const Native = window.RTCPeerConnection;
  const P = Native.prototype;
  const wrap = (name, before, after) => {
    const original = P[name];
    if (typeof original !== 'function') return;
    P[name] = function (...args) {
      const id = idOf(this);
      before(id, args, this);
      let result;
      try {
        result = original.apply(this, args);
      } catch (error) {
        add(id, name + ' threw ' + error);
        throw error;
      }
      if (result && typeof result.then === 'function') {
        return result.then(
          (value) => (after && after(id, args, this, value), value),
          (error) => {
            add(id, name + ' rejected ' + (error && error.name) + ': ' + (error && error.message));
            throw error;
          },
        );
      }
      if (after) after(id, args, this, result);
      return result;
    };
  };
  class Traced extends Native {
    constructor(config, ...rest) {
      super(config, ...rest);
      const id = next++;
      ids.set(this, id);
      connections.push(this);
      add(id, 'created iceServers=' + ((config && config.iceServers) || []).length + ' policy=' + ((config && config.iceTransportPolicy) || 'all'));
      this.addEventListener('icecandidate', (e) =>
        add(id, e.candidate && e.candidate.candidate ? 'local-candidate ' + e.candidate.candidate + ' mid=' + e.candidate.sdpMid : 'local-candidate-end ' + (e.candidate ? JSON.stringify(e.candidate.candidate) : 'null')));
      this.addEventListener('icecandidateerror', (e) => add(id, 'icecandidateerror ' + e.errorCode + ' ' + e.errorText + ' ' + e.url));
      this.addEventListener('icegatheringstatechange', () => add(id, 'gathering-' + this.iceGatheringState));
      this.addEventListener('iceconnectionstatechange', () => add(id, 'ice-' + this.iceConnectionState));
      this.addEventListener('connectionstatechange', () => add(id, 'conn-' + this.connectionState));
      this.addEventListener('signalingstatechange', () => add(id, 'signaling-' + this.signalingState));
      this.addEventListener('negotiationneeded', () => add(id, 'negotiationneeded'));
      this.addEventListener('track', (e) => add(id, 'track-' + e.track.kind + ' mid=' + (e.transceiver && e.transceiver.mid)));
      this.addEventListener('datachannel', (e) => e.channel.addEventListener('open', () => add(id, 'datachannel-open (remote)')));
    }
  }
  wrap('createOffer', (id) => add(id, 'createOffer'), (id, a, pc, offer) => add(id, 'createOffer done ' + summary(offer && offer.sdp)));
  wrap('createAnswer', (id) => add(id, 'createAnswer'), (id, a, pc, answer) => add(id, 'createAnswer done ' + summary(answer && answer.sdp)));
  wrap('setLocalDescription', (id, [d]) => add(id, 'SLD call ' + ((d && d.type) || 'implicit')), (id, a, pc) =>
    add(id, 'SLD done ' + (pc.localDescription && pc.localDescription.type) + ' ' + summary(pc.localDescription && pc.localDescription.sdp)));
  wrap('setRemoteDescription', (id, [d]) => add(id, 'SRD call ' + (d && d.type) + ' ' + summary(d && d.sdp)), (id, a, pc) =>
    add(id, 'SRD done ' + (pc.remoteDescription && pc.remoteDescription.type)));
  wrap('addIceCandidate', (id, [c], pc) => add(id, 'addIceCandidate ' + JSON.stringify(c && (c.candidate !== undefined ? c.candidate : c)) + ' remoteDesc=' + !!pc.remoteDescription), (id) => add(id, 'addIceCandidate ok'));
  wrap('addTrack', (id, [track]) => add(id, 'addTrack ' + (track && track.kind)));
  wrap('addTransceiver', (id, [kind]) => add(id, 'addTransceiver ' + (typeof kind === 'string' ? kind : kind && kind.kind)));
  wrap('removeTrack', (id) => add(id, 'removeTrack'));
  wrap('createDataChannel', (id, [label]) => add(id, 'createDataChannel'), (id, a, pc, channel) =>
    channel && channel.addEventListener('open', () => add(id, 'datachannel-open (local)')));
  wrap('close', (id) => add(id, 'close()'));
  Object.defineProperty(window, 'RTCPeerConnection', { value: Traced, writable: true, configurable: true });

  // Socket.IO packets of the signalling events: '42/meetings,["webrtc-offer",{...}]'.
  const describe = (direction, data) => {
    if (typeof data !== 'string') return;
    const start = data.indexOf('[');
    if (start < 0) return;
    let packet;
    try {
      packet = JSON.parse(data.slice(start));
    } catch {
      return;
    }
    const [event, payload] = packet;
    if (typeof event !== 'string') return;
    if (!event.startsWith('webrtc-') && !event.startsWith('participant-') && event !== 'join-meeting' && event !== 'meeting-joined') {
      if (event !== 'toggle-media') return;
    }
    const p = payload || {};
    const peer = (direction === 'send' ? 'to=' + p.to : 'from=' + p.from);
    let detail = '';
    if (event === 'webrtc-ice-candidate') detail = JSON.stringify(p.candidate && p.candidate.candidate);
    else if (event === 'webrtc-signal') detail = JSON.stringify(p.signal);
    else if (event === 'webrtc-offer' || event === 'webrtc-answer') detail = summary(p.sdp && p.sdp.sdp);
    else if (event === 'participant-joined') detail = 'id=' + (p.participant && p.participant.id) + ' name=' + (p.participant && p.participant.displayName);
    else if (event === 'meeting-joined') detail = 'self=' + (p.self && p.self.id) + ' others=' + (p.participants || []).map((x) => x.id).join(',');
    else if (event === 'webrtc-error') detail = JSON.stringify(p);
    else detail = JSON.stringify(p).slice(0, 160);
    add(-1, 'ws-' + direction + ' ' + event + ' ' + peer + ' cid=' + p.connectionId + ' ' + detail);
  };
  const NativeWS = window.WebSocket;
  class TracedWS extends NativeWS {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (e) => describe('recv', e.data));
    }
    send(data) {
      describe('send', data);
      return super.send(data);
    }
  }
  Object.defineProperty(window, 'WebSocket', { value: TracedWS, writable: true, configurable: true });
})();`;

/** A page that evaluates string expressions (playwright-core or puppeteer-core). */
interface TracedPage {
  name: string;
  page: { evaluate(expression: string): Promise<unknown> };
}

/**
 * For a failure message: every tab's connections (see {@link CONNECTIONS_SUMMARY_EXPRESSION}) and
 * what its ICE agents know right now (see {@link STATS_SNAPSHOT_EXPRESSION}).
 */
export async function describeConnections(tabs: readonly TracedPage[]): Promise<string> {
  const parts = await Promise.all(
    tabs.map(async (tab) => {
      const read = (expression: string) => tab.page.evaluate(expression).then(
        (lines) => (lines as string[]).join('\n  '),
        (error: unknown) => `(unreadable: ${(error as Error).message})`,
      );
      return `=== ${tab.name} connections\n  ${await read(CONNECTIONS_SUMMARY_EXPRESSION)}\n  ${await read(STATS_SNAPSHOT_EXPRESSION)}`;
    }),
  );
  return parts.join('\n');
}
