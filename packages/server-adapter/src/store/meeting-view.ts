import type { MeetingView, MeetingViewOptions, MaybePromise, RoomStore } from './room-store';

/**
 * The meeting, its participants and, as asked, its chat and waiting room: in one read when the
 * store offers it ({@link RoomStore.readMeetingView}), otherwise the four reads side by side.
 */
export function readMeetingView(store: RoomStore, meetingId: string, include: MeetingViewOptions): MaybePromise<MeetingView> {
  if (store.readMeetingView) return store.readMeetingView(meetingId, include);
  return Promise.all([
    store.getMeeting(meetingId),
    store.listParticipants(meetingId),
    include.chat ? store.listChat(meetingId) : [],
    include.waiting ? store.listWaiting(meetingId) : [],
  ]).then(([meeting, participants, chat, waiting]) => ({ meeting, participants, chat, waiting }));
}
