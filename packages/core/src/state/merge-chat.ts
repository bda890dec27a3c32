import type { ChatMessage } from '../protocol/types';

/**
 * Merge chat messages into an ordered, de-duplicated list: unique by `id`, ordered by server
 * `sentAt` (then id for equal times). Returns `current` itself when nothing new arrived, so an
 * unchanged chat keeps its identity (no re-render).
 */
export function mergeChat(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): readonly ChatMessage[] {
  if (incoming.length === 0) return current;
  const seen = new Set(current.map((m) => m.id));
  const added = incoming.filter((m) => {
    if (seen.has(m.id)) return false;
    seen.add(m.id);
    return true;
  });
  if (added.length === 0) return current;
  return [...current, ...added].sort(compareMessages);
}

function compareMessages(a: ChatMessage, b: ChatMessage): number {
  if (a.sentAt !== b.sentAt) return a.sentAt - b.sentAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
