import type { LinkVideo, LocalVideoState, RemoteLink } from './types';

/** Same level and reason. */
export const sameLinkVideo = (a: LinkVideo, b: LinkVideo) => a.level === b.level && a.reason === b.reason;

/** `base` with `patch` applied; `base` itself when nothing changed. */
export function mergeLink(base: RemoteLink, patch: Partial<RemoteLink>): RemoteLink {
  const next: RemoteLink = {
    sending: patch.sending && !sameLinkVideo(patch.sending, base.sending) ? patch.sending : base.sending,
    receiving: patch.receiving && !sameLinkVideo(patch.receiving, base.receiving) ? patch.receiving : base.receiving,
    requested: patch.requested ?? base.requested,
  };
  const same = next.sending === base.sending && next.receiving === base.receiving && next.requested === base.requested;
  return same ? base : next;
}

/** `current` with `patch` applied; `current` itself when nothing changed. */
export function mergeLocalVideo(current: LocalVideoState, patch: Partial<LocalVideoState>): LocalVideoState {
  const audioOnly = patch.audioOnly ?? current.audioOnly;
  const sending = patch.sending && !sameLinkVideo(patch.sending, current.sending) ? patch.sending : current.sending;
  return audioOnly === current.audioOnly && sending === current.sending ? current : { audioOnly, sending };
}
