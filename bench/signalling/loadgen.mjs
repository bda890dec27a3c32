/**
 * One load generator process (forked by bench/run.mjs, driven over IPC). It owns whole meetings,
 * so the sender and the receiver of every message share one clock and one ledger:
 *
 *   connect  → opens every socket of its meetings (WebSocket only, no reconnection)
 *   run      → joins (spread over `staggerMs`), then per meeting `rounds` negotiation rounds:
 *              for every pair the first sends an offer (3–5 KB) and 10 ICE candidates through
 *              `webrtc-signal`; the second answers on receipt with an answer and 10 candidates;
 *              everyone sends one chat message per round. Then it waits for the stragglers.
 *   close    → disconnects everything.
 *
 * Every message carries an id; a receiver checks it was the addressee, that the server stamped
 * the right sender, and that it had not seen the id before (lost / misrouted / duplicated).
 */
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { Histogram } from './histogram.mjs';
import { candidateFor, sdpFor } from './payloads.mjs';

const CANDIDATES_PER_SIDE = 10;
const now = () => performance.now();
const wall = () => performance.timeOrigin + performance.now();

/** @type {Array<{ key: string, peers: Array<{ socket: any, id?: string }> }>} */
let meetings = [];

function connectOne(url, displayName) {
  return new Promise((resolve) => {
    const socket = io(`${url}/meetings`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 20_000,
      auth: { displayName },
    });
    const timer = setTimeout(() => resolve({ socket, ok: false }), 20_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve({ socket, ok: true });
    });
    socket.once('connect_error', () => {
      clearTimeout(timer);
      resolve({ socket, ok: false });
    });
  });
}

async function connectAll({ urls, meetingKeys, participants, concurrency }) {
  const started = now();
  const jobs = [];
  meetings = meetingKeys.map((key) => ({ key, peers: [] }));
  // Participant i of meeting m on node (m + i) mod nodes: with two nodes the people of a two-person
  // meeting are on different nodes; with three, every node holds meetings and some hold none of a meeting.
  meetings.forEach((meeting, m) => {
    for (let i = 0; i < participants; i += 1) jobs.push({ meeting, i, url: urls[(m + i) % urls.length] });
  });
  let failures = 0;
  for (let offset = 0; offset < jobs.length; offset += concurrency) {
    const batch = jobs.slice(offset, offset + concurrency);
    const results = await Promise.all(batch.map((job) => connectOne(job.url, `bench-${job.meeting.key}-${job.i}`)));
    results.forEach((result, n) => {
      if (!result.ok) failures += 1;
      batch[n].meeting.peers[batch[n].i] = { socket: result.socket };
    });
  }
  return { sockets: jobs.length, failures, connectMs: now() - started };
}

/**
 * `phase`: `'all'` joins and then runs the rounds; `'join'` only joins (and answers once every
 * meeting is in); `'rounds'` runs the rounds of meetings joined by an earlier `'join'`. The split
 * lets the CPU cost of joins and of relayed messages be measured apart.
 */
/** The loss figures of a phase that relays nothing (joins only). */
const NOTHING_LOST = { signalsLost: 0, chatLost: 0, silentlyLost: 0, silentSignalsLost: 0, silentChatLost: 0, chatLostAfterTimeout: 0, lostToDropped: 0 };

function runAll({ startAt, staggerMs, rounds, roundMs, drainMs, phase = 'all' }) {
  const joins = new Histogram();
  const relay = new Histogram();
  const chatLatency = new Histogram();
  const stats = {
    joinFailures: 0,
    signalsSent: 0,
    signalsReceived: 0,
    chatSent: 0,
    chatExpected: 0,
    chatReceived: 0,
    duplicated: 0,
    misrouted: 0,
    errors: 0,
    /** Connections the server closed during the step. */
    dropped: 0,
    signalsRejected: 0,
    rateLimitNotices: 0,
    chatRejected: 0,
    /** Chat messages whose acknowledgement did not come within 10 s: the sender's call failed with a timeout. */
    chatTimedOut: 0,
    drainMs: 0,
    firstSendWall: Number.POSITIVE_INFINITY,
    lastReceiveWall: 0,
  };
  /** id → { to, from, at, got } */
  const ledger = new Map();
  /** chat id → { at, expected: Set<peer index>, got: Set } */
  const chats = new Map();
  let seq = 0;
  let pendingTimers = 0;
  let finishedScheduling = 0;

  const sendSignal = (meeting, fromIndex, toIndex, signal) => {
    const from = meeting.peers[fromIndex];
    const to = meeting.peers[toIndex];
    const id = `${meeting.key}:${fromIndex}:${seq++}`;
    ledger.set(id, { to: to.id, from: from.id, at: now(), got: false, sender: from, receiver: to });
    stats.signalsSent += 1;
    stats.firstSendWall = Math.min(stats.firstSendWall, wall());
    from.socket.emit('webrtc-signal', { to: to.id, connectionId: `${fromIndex}-${toIndex}`, signal: { ...signal, bench: { id, to: to.id } } });
  };

  const negotiate = (meeting, offerer, answerer, round) => {
    sendSignal(meeting, offerer, answerer, { type: 'offer', sdp: sdpFor('offer', seq), round });
    for (let c = 0; c < CANDIDATES_PER_SIDE; c += 1) sendSignal(meeting, offerer, answerer, { type: 'candidate', candidate: candidateFor(seq) });
  };

  const attach = (meeting, index) => {
    const peer = meeting.peers[index];
    peer.socket.on('webrtc-signal', ({ from, signal }) => {
      const tag = signal?.bench;
      const entry = tag ? ledger.get(tag.id) : undefined;
      if (!entry || entry.to !== peer.id || tag.to !== peer.id || entry.from !== from) {
        stats.misrouted += 1;
        return;
      }
      if (entry.got) {
        stats.duplicated += 1;
        return;
      }
      entry.got = true;
      stats.signalsReceived += 1;
      stats.lastReceiveWall = wall();
      relay.record(now() - entry.at);
      if (signal.type === 'offer') {
        const offerer = meeting.peers.findIndex((p) => p.id === from);
        sendSignal(meeting, index, offerer, { type: 'answer', sdp: sdpFor('answer', seq) });
        for (let c = 0; c < CANDIDATES_PER_SIDE; c += 1) sendSignal(meeting, index, offerer, { type: 'candidate', candidate: candidateFor(seq) });
      }
    });
    peer.socket.on('chat-message', (message) => {
      const id = String(message.text).slice('bench:'.length);
      const chat = chats.get(id);
      if (!chat || !chat.expected.has(index)) {
        stats.misrouted += 1;
        return;
      }
      if (chat.got.has(index)) {
        stats.duplicated += 1;
        return;
      }
      chat.got.add(index);
      stats.chatReceived += 1;
      stats.lastReceiveWall = wall();
      chatLatency.record(now() - chat.at);
    });
    // The server closed the connection (a slow reader over its buffer bound, a resync): what was
    // on its way to or from it is lost, and the client knows it, because it was disconnected.
    peer.socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect' || peer.dropped) return;
      peer.dropped = true;
      stats.dropped += 1;
    });
    peer.socket.on('webrtc-error', (error) => {
      // A typed refusal: the sender knows; not silent. The server sends at most one
      // `rate-limited` notice per second per socket, so the notice covers the sender's drops.
      stats.errors += 1;
      if (error?.event === 'webrtc-signal') stats.signalsRejected += 1;
      if (error?.code === 'rate-limited') {
        peer.rateLimited = true;
        if (error?.event === 'webrtc-signal') stats.rateLimitNotices += 1;
      }
    });
  };

  const sendChat = (meeting, index) => {
    const id = `${meeting.key}:${index}:c${seq++}`;
    const expected = new Set(meeting.peers.map((_, i) => i).filter((i) => i !== index));
    chats.set(id, { at: now(), expected, got: new Set(), meeting, sender: meeting.peers[index] });
    stats.chatSent += 1;
    stats.chatExpected += expected.size;
    meeting.peers[index].socket
      .timeout(10_000)
      .emitWithAck('chat-message', { text: `bench:${id}` })
      .then((ack) => {
        if (ack?.ok) return;
        // Refused with a typed error: nobody should receive it, so it is not expected any more.
        stats.errors += 1;
        stats.chatRejected += 1;
        const chat = chats.get(id);
        if (chat) {
          stats.chatExpected -= chat.expected.size - chat.got.size;
          chat.expected = chat.got;
        }
      })
      .catch(() => {
        // No answer within 10 s: the sender's call failed (a timeout error), so a loss is not silent.
        stats.errors += 1;
        stats.chatTimedOut += 1;
        const chat = chats.get(id);
        if (chat) chat.timedOut = true;
      });
  };

  const later = (delay, fn) => {
    pendingTimers += 1;
    setTimeout(() => {
      pendingTimers -= 1;
      fn();
    }, Math.max(0, delay));
  };

  const startMeeting = (meeting) => {
    if (rounds === 0) finishedScheduling += 1; // join only (memory measurement)
    for (let round = 0; round < rounds; round += 1) {
      later(round * roundMs, () => {
        const n = meeting.peers.length;
        for (let a = 0; a < n; a += 1) for (let b = a + 1; b < n; b += 1) negotiate(meeting, a, b, round);
        for (let i = 0; i < n; i += 1) sendChat(meeting, i);
        if (round === rounds - 1) finishedScheduling += 1;
      });
    }
  };

  return new Promise((resolve) => {
    const delayToStart = startAt - Date.now();
    let joinedMeetings = 0;
    for (const meeting of meetings) {
      const joinDelay = delayToStart + Math.random() * staggerMs;
      if (phase === 'rounds') {
        meeting.peers.forEach((_, index) => attach(meeting, index));
        later(joinDelay, () => {
          if (meeting.joined) startMeeting(meeting);
          else finishedScheduling += 1;
        });
        continue;
      }
      later(joinDelay, async () => {
        const results = await Promise.all(
          meeting.peers.map(async (peer, index) => {
            if (!peer.socket.connected) return false;
            const t0 = now();
            try {
              const ack = await peer.socket.timeout(10_000).emitWithAck('join-meeting', {
                meetingId: meeting.key,
                displayName: `p${index}`,
              });
              if (!ack?.ok) return false;
              joins.record(now() - t0);
              peer.id = ack.data.self.id;
              return true;
            } catch {
              return false;
            }
          }),
        );
        const failed = results.filter((ok) => !ok).length;
        stats.joinFailures += failed;
        meeting.joined = failed === 0;
        if (phase === 'join') {
          joinedMeetings += 1;
          if (joinedMeetings === meetings.length) resolve({ joins, relay, chatLatency, ...stats, ...NOTHING_LOST });
          return;
        }
        meeting.peers.forEach((_, index) => attach(meeting, index));
        if (failed === 0) startMeeting(meeting);
        else finishedScheduling += 1;
      });
    }
    if (phase === 'join') {
      if (meetings.length === 0) resolve({ joins, relay, chatLatency, ...stats, ...NOTHING_LOST });
      return;
    }
    const finish = () => {
      let lost = 0;
      let silentSignals = 0;
      let lostToDropped = 0;
      for (const entry of ledger.values()) {
        if (entry.got) continue;
        lost += 1;
        if (entry.sender.rateLimited) continue;
        if (entry.sender.dropped || entry.receiver.dropped) lostToDropped += 1;
        else silentSignals += 1;
      }
      let chatLost = 0;
      let chatSilent = 0;
      let chatLostAfterTimeout = 0;
      for (const chat of chats.values()) {
        for (const index of chat.expected) {
          if (chat.got.has(index)) continue;
          chatLost += 1;
          if (chat.sender.dropped || chat.meeting.peers[index].dropped) lostToDropped += 1;
          else if (chat.timedOut) chatLostAfterTimeout += 1;
          else chatSilent += 1;
        }
      }
      // Lost without any error: not delivered, its sender was never told `rate-limited`, and
      // neither end's connection was closed by the server (chat is acknowledged, so a refused
      // chat message is already out of `chatLost`).
      const silentSignalsLost = Math.max(0, silentSignals - (stats.signalsRejected - stats.rateLimitNotices));
      const silentlyLost = silentSignalsLost + chatSilent;
      resolve({ joins, relay, chatLatency, ...stats, signalsLost: lost, chatLost, silentlyLost, silentSignalsLost, silentChatLost: chatSilent, chatLostAfterTimeout, lostToDropped });
    };
    // Drain: wait for the stragglers until everything is in, or nothing has arrived for
    // `drainMs` (a late message is late, not lost), and never longer than 30 s.
    let drainStarted = 0;
    let lastCount = -1;
    let lastProgress = 0;
    const poll = setInterval(() => {
      if (finishedScheduling < meetings.length || pendingTimers > 0) return;
      const now = Date.now();
      if (!drainStarted) drainStarted = now;
      const count = stats.signalsReceived + stats.chatReceived + stats.misrouted;
      if (count !== lastCount) {
        lastCount = count;
        lastProgress = now;
      }
      const allIn =
        stats.signalsReceived + stats.misrouted >= stats.signalsSent && stats.chatReceived >= stats.chatExpected;
      if (allIn || now - lastProgress > drainMs || now - drainStarted > 30_000) {
        clearInterval(poll);
        stats.drainMs = now - drainStarted;
        // A short grace period so late duplicates would still be seen.
        setTimeout(finish, 200);
      }
    }, 50);
  });
}

function closeAll() {
  for (const meeting of meetings) for (const peer of meeting.peers) peer.socket?.disconnect();
  meetings = [];
}

process.on('message', async (message) => {
  try {
    if (message.cmd === 'connect') process.send({ type: 'connected', ...(await connectAll(message)) });
    else if (message.cmd === 'run') {
      const result = await runAll(message);
      process.send({ type: 'result', ...result, joins: result.joins.toJSON(), relay: result.relay.toJSON(), chatLatency: result.chatLatency.toJSON() });
    } else if (message.cmd === 'close') {
      closeAll();
      process.send({ type: 'closed' });
    } else if (message.cmd === 'exit') process.exit(0);
  } catch (error) {
    process.send({ type: 'error', message: String(error?.stack ?? error) });
  }
});
process.on('disconnect', () => process.exit(0));
