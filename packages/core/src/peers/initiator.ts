/**
 * The deterministic initiator rule: of two participants, the one with the lexicographically
 * smaller id sends the offer, so two peers never offer to each other at the same time.
 */
export function isInitiator(localId: string, remoteId: string): boolean {
  return localId < remoteId;
}

let counter = 0;

/** A fresh id for one connection attempt (unique per process, random across clients). */
export function newConnectionId(): string {
  counter = (counter + 1) % 1_000_000;
  return `${Math.random().toString(36).slice(2, 10)}${counter.toString(36)}`;
}
