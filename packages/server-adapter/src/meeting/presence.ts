/**
 * Which meetings have participants on THIS node, and how many. Drives this node's timers and
 * gauges; the shared truth is the `RoomStore`.
 */
export class LocalPresence {
  readonly #meetings = new Map<string, Set<string>>();

  add(meetingId: string, participantId: string): void {
    let set = this.#meetings.get(meetingId);
    if (!set) {
      set = new Set();
      this.#meetings.set(meetingId, set);
    }
    set.add(participantId);
  }

  /** Removes a participant; returns `true` when the meeting has nobody left on this node. */
  remove(meetingId: string, participantId: string): boolean {
    const set = this.#meetings.get(meetingId);
    if (!set) return true;
    set.delete(participantId);
    if (set.size === 0) this.#meetings.delete(meetingId);
    return set.size === 0;
  }

  clearMeeting(meetingId: string): void {
    this.#meetings.delete(meetingId);
  }

  has(meetingId: string): boolean {
    return this.#meetings.has(meetingId);
  }

  meetingCount(): number {
    return this.#meetings.size;
  }

  participantCount(): number {
    let total = 0;
    for (const set of this.#meetings.values()) total += set.size;
    return total;
  }
}
