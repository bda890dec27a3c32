import type { PeerState } from '../state/types';
import type { MachineConfig } from '../util/machine';
import type { PeerLinkContext, PeerLinkEvent, PeerLinkState } from './peer-link.types';
import type { PeerTransport } from './transport';

export type { PeerLinkContext, PeerLinkEffects, PeerLinkEvent, PeerLinkState, PeerLiveness } from './peer-link.types';

/**
 * The life of the connection to one remote participant, as one table.
 *
 * ```
 * idle ─START→ preparing (initiator) | awaiting-offer (responder)
 * awaiting-offer ─OFFER→ preparing          ─TIMEOUT→ backoff | failed
 * preparing ─CONFIG_READY→ negotiating      (ICE config fetched, start-up media settled)
 * negotiating ─CONNECTED→ connected         ─TIMEOUT / TRANSPORT_FAILED→ backoff | failed
 *             ─PROGRESS→ negotiating (its timer starts over)
 * connected ─ICE_DISCONNECTED→ interrupted  ─TRANSPORT_FAILED / RESTART→ backoff | failed
 * interrupted ─ICE_RECOVERED→ connected     ─LIVENESS congested→ held (bytes still arrive)
 *             ─TIMEOUT (grace) / LIVENESS silent→ ice-restarting | backoff | failed
 * held ─ICE_RECOVERED→ connected            ─TIMEOUT (hold cap) / LIVENESS silent→ ice-restarting | backoff | failed
 * ice-restarting ─ICE_RECOVERED→ connected  ─TIMEOUT / TRANSPORT_FAILED→ backoff | failed
 * connected | interrupted | held ─ICE_RESTART_REQUEST→ ice-restarting (initiator)
 * backoff ─RETRY→ preparing (initiator) | awaiting-rebuild (responder asks the initiator)
 * awaiting-rebuild ─OFFER→ preparing        ─TIMEOUT→ backoff | failed
 * failed ─RESTART / OFFER / REBUILD_REQUEST→ a fresh budget of attempts
 * any ─CLOSE→ closed
 * ```
 *
 * The initiator (smaller participant id) builds every attempt; the responder follows its offers
 * and, after a failure, asks it to rebuild. Every attempt has its own connection id; signals of
 * retired attempts are dropped. Each failure counts; past `maxAttempts` in a row the link gives up.
 *
 * A live connection whose ICE dropped is not torn down while it is only congested (bytes still
 * arrive: a deep queue drains by itself) — up to an absolute cap. When it is silent, or the
 * grace or the cap runs out, the initiator first restarts ICE on the same connection (new
 * credentials and candidates by renegotiation; the responder asks for it and follows the offer);
 * only if that does not bring ICE back in time is the connection rebuilt from scratch.
 */
type Ctx = PeerLinkContext;
type Ev<T extends PeerLinkEvent['type']> = Extract<PeerLinkEvent, { type: T }>;

/* ---------- actions ---------- */

/** Retire the current attempt (its late signals are dropped) and close its transport. */
function retire(c: Ctx): void {
  if (c.connectionId) {
    c.retired.add(c.connectionId);
    c.lastConnectionId = c.connectionId;
  }
  if (c.transport) c.fx.destroyTransport(c.transport);
  c.transport = null;
  c.connectionId = null;
  c.pending = [];
  c.interruptedAt = null;
}

const newAttempt = (c: Ctx) => {
  retire(c);
  c.connectionId = c.fx.newConnectionId();
};
const adoptOffer = (c: Ctx, e: Ev<'OFFER'>) => {
  retire(c);
  c.connectionId = e.connectionId;
  c.pending = [e.signal];
};
const countFailure = (c: Ctx) => {
  c.failures += 1;
  retire(c);
};
const freshBudget = (c: Ctx) => {
  c.failures = 1;
};
const buildTransport = (c: Ctx, e: Ev<'CONFIG_READY'>) => {
  const pending = c.pending;
  c.pending = [];
  c.transport = c.fx.createTransport(c, e.config);
  for (const signal of pending) c.transport.signal(signal);
};
const feed = (c: Ctx, e: Ev<'SIGNAL'>) => {
  if (c.transport) c.transport.signal(e.signal);
  else c.pending.push(e.signal);
};
const connected = (c: Ctx) => {
  c.failures = 0;
};
const markInterrupted = (c: Ctx) => {
  c.interruptedAt = c.fx.now();
};
const recovered = (c: Ctx) => {
  c.interruptedAt = null;
};

/* ---------- guards ---------- */

const exhausted = (c: Ctx) => c.failures + 1 > c.maxAttempts;
const current = (c: Ctx, e: { transport: PeerTransport }) => e.transport === c.transport;
const isInitiator = (c: Ctx) => c.initiator;
const isResponder = (c: Ctx) => !c.initiator;
const freshOffer = (c: Ctx, e: Ev<'OFFER'>) => !c.initiator && e.connectionId !== c.connectionId && !c.retired.has(e.connectionId);
const thisAttempt = (c: Ctx, e: Ev<'CONFIG_READY'>) => e.attempt === c.connectionId;
/** While connecting, the initiator rebuilds when the responder lost our attempt or never got one. */
const rebuildWanted = (c: Ctx, e: Ev<'REBUILD_REQUEST'>) => c.initiator && (e.connectionId === c.connectionId || e.connectionId === 'none');
/** While connected, only a request naming the live attempt means the other side lost it. */
const liveAttemptLost = (c: Ctx, e: Ev<'REBUILD_REQUEST'>) => c.initiator && e.connectionId === c.connectionId;
/** Between attempts, a request naming the failed attempt (or none) just starts the next one sooner. */
const nextAttemptWanted = (c: Ctx, e: Ev<'REBUILD_REQUEST'>) =>
  c.initiator && (e.connectionId === c.lastConnectionId || e.connectionId === 'none');
const mayRestartIce = (c: Ctx) => c.iceRestart;
/** The responder lost ICE on the live attempt and asks us (the initiator) to restart it. */
const iceRestartWanted = (c: Ctx, e: Ev<'ICE_RESTART_REQUEST'>) => c.initiator && c.iceRestart && e.connectionId === c.connectionId;
const isCongested = (_c: Ctx, e: Ev<'LIVENESS'>) => e.liveness === 'congested';
const isSilent = (_c: Ctx, e: Ev<'LIVENESS'>) => e.liveness === 'silent';

/* ---------- shared transitions ---------- */

/** A failed attempt: give up past the budget, otherwise wait and retry. */
const attemptFailed = [
  { target: 'failed' as const, guard: exhausted, actions: [countFailure] },
  { target: 'backoff' as const, actions: [countFailure] },
];
const failedTransport = [
  { target: 'failed' as const, guard: (c: Ctx, e: Ev<'TRANSPORT_FAILED'>) => current(c, e) && exhausted(c), actions: [countFailure] },
  { target: 'backoff' as const, guard: current, actions: [countFailure] },
];
/** The live connection is lost: restart ICE on it first when allowed, else count a failure and rebuild. */
const connectionLost = [{ target: 'ice-restarting' as const, guard: mayRestartIce }, ...attemptFailed];
/** The monitor found nothing arriving any more: the same, only for `silent`. */
const silentLink = connectionLost.map((t) => ({ ...t, guard: (c: Ctx, e: Ev<'LIVENESS'>) => isSilent(c, e) && (!t.guard || t.guard(c)) }));
const iceBack = { target: 'connected' as const, guard: current, actions: [recovered] };
const restartOnRequest = { target: 'ice-restarting' as const, guard: iceRestartWanted };
/** A new attempt announced by the other side. */
const followOffer = { target: 'preparing' as const, reenter: true, guard: freshOffer, actions: [adoptOffer] };
const rebuildOnRequest = {
  target: 'preparing' as const,
  reenter: true,
  guard: rebuildWanted,
  actions: [(c: Ctx) => void (c.failures = Math.max(c.failures, 1)), newAttempt],
};
const close = { target: 'closed' as const, actions: [retire] };

/**
 * The transition table. Timers and the ICE-config wait are effects attached by `peer-link.ts`
 * (they depend on options), keyed by state.
 */
export const peerLinkMachine: MachineConfig<PeerLinkState, PeerLinkEvent, PeerLinkContext> = {
  initial: 'idle',
  states: {
    idle: {
      on: {
        START: [{ target: 'preparing', guard: isInitiator, actions: [newAttempt] }, { target: 'awaiting-offer' }],
        OFFER: followOffer,
        CLOSE: close,
      },
    },
    'awaiting-offer': {
      on: { OFFER: followOffer, TIMEOUT: attemptFailed, CLOSE: close },
    },
    preparing: {
      on: {
        CONFIG_READY: { target: 'negotiating', guard: thisAttempt, actions: [buildTransport] },
        SIGNAL: { actions: [feed] },
        OFFER: followOffer,
        REBUILD_REQUEST: rebuildOnRequest,
        CLOSE: close,
      },
    },
    negotiating: {
      on: {
        CONNECTED: { target: 'connected', guard: current, actions: [connected] },
        // A slow peer (a starved CPU answering late) is not a failed one: time from its last progress.
        PROGRESS: { target: 'negotiating', reenter: true, guard: current },
        SIGNAL: { actions: [feed] },
        OFFER: followOffer,
        REBUILD_REQUEST: rebuildOnRequest,
        TRANSPORT_FAILED: failedTransport,
        TIMEOUT: attemptFailed,
        RESTART: attemptFailed,
        CLOSE: close,
      },
    },
    connected: {
      on: {
        ICE_DISCONNECTED: { target: 'interrupted', guard: current, actions: [markInterrupted] },
        ICE_RESTART_REQUEST: restartOnRequest,
        SIGNAL: { actions: [feed] },
        OFFER: followOffer,
        REBUILD_REQUEST: { ...rebuildOnRequest, guard: liveAttemptLost },
        TRANSPORT_FAILED: failedTransport,
        RESTART: attemptFailed,
        CLOSE: close,
      },
    },
    interrupted: {
      on: {
        ICE_RECOVERED: iceBack,
        // Bytes still arrive: a deep queue, not a dead link. Hold on to the connection.
        LIVENESS: [{ target: 'held', guard: isCongested }, ...silentLink],
        ICE_RESTART_REQUEST: restartOnRequest,
        SIGNAL: { actions: [feed] },
        OFFER: followOffer,
        REBUILD_REQUEST: { ...rebuildOnRequest, guard: liveAttemptLost },
        TRANSPORT_FAILED: failedTransport,
        TIMEOUT: connectionLost,
        RESTART: attemptFailed,
        CLOSE: close,
      },
    },
    held: {
      on: {
        ICE_RECOVERED: iceBack,
        LIVENESS: silentLink,
        ICE_RESTART_REQUEST: restartOnRequest,
        SIGNAL: { actions: [feed] },
        OFFER: followOffer,
        REBUILD_REQUEST: { ...rebuildOnRequest, guard: liveAttemptLost },
        TRANSPORT_FAILED: failedTransport,
        TIMEOUT: connectionLost,
        RESTART: attemptFailed,
        CLOSE: close,
      },
    },
    'ice-restarting': {
      on: {
        ICE_RECOVERED: iceBack,
        SIGNAL: { actions: [feed] },
        OFFER: followOffer,
        REBUILD_REQUEST: { ...rebuildOnRequest, guard: liveAttemptLost },
        TRANSPORT_FAILED: failedTransport,
        TIMEOUT: attemptFailed,
        RESTART: attemptFailed,
        CLOSE: close,
      },
    },
    backoff: {
      on: {
        RETRY: [{ target: 'preparing', guard: isInitiator, actions: [newAttempt] }, { target: 'awaiting-rebuild', guard: isResponder }],
        OFFER: followOffer,
        REBUILD_REQUEST: { ...rebuildOnRequest, guard: nextAttemptWanted },
        CLOSE: close,
      },
    },
    'awaiting-rebuild': {
      on: { OFFER: followOffer, TIMEOUT: attemptFailed, CLOSE: close },
    },
    failed: {
      on: {
        RESTART: [
          { target: 'preparing', guard: isInitiator, actions: [freshBudget, newAttempt] },
          { target: 'backoff', actions: [freshBudget] },
        ],
        OFFER: { ...followOffer, actions: [(c: Ctx) => void (c.failures = 0), adoptOffer] },
        REBUILD_REQUEST: { target: 'preparing', guard: isInitiator, actions: [freshBudget, newAttempt] },
        CLOSE: close,
      },
    },
    closed: {},
  },
};

/** The public `PeerState` of a machine state. */
export function peerStateOf(state: PeerLinkState, failures: number): PeerState {
  switch (state) {
    case 'idle':
      return 'new';
    case 'awaiting-offer':
    case 'preparing':
    case 'negotiating':
      return failures === 0 ? 'connecting' : 'reconnecting';
    case 'connected':
    case 'interrupted':
    case 'held':
      return 'connected';
    case 'ice-restarting':
    case 'backoff':
    case 'awaiting-rebuild':
      return 'reconnecting';
    case 'failed':
      return 'failed';
    case 'closed':
      return 'closed';
  }
}
