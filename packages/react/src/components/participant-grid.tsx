import { forwardRef, useState, type HTMLAttributes } from 'react';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeeting } from '../hooks/use-meeting';
import { useParticipantIds } from '../hooks/use-participants';
import { useMessages } from '../messages/messages-context';
import { shallowEqual } from '../utils/shallow-equal';
import { cx } from '../utils/class-names';
import { VideoTile } from './video-tile';

/** `grid`: equal tiles; `focus`: one large tile beside a strip; `auto`: focus while someone shares or is pinned. */
export type GridLayout = 'auto' | 'grid' | 'focus';

/** Props of `<ParticipantGrid>`. */
export interface ParticipantGridProps extends HTMLAttributes<HTMLDivElement> {
  /** @default 'auto' */
  layout?: GridLayout;
  /** Controlled pinned participant id (`null`: none). Uncontrolled when omitted. */
  pinnedId?: string | null;
  onPinnedChange?: (participantId: string | null) => void;
}

/** Ids of participants sharing their screen, remote shares first. */
const selectSharing = (s: MeetingSnapshot) => {
  const sharing = s.remoteParticipants.filter((p) => p.media.screen).map((p) => p.id);
  if (s.localParticipant?.media.screen) sharing.push(s.localParticipant.id);
  return sharing;
};

/**
 * Every participant's camera tile in a responsive grid. When someone shares their screen (or a
 * participant is pinned) it switches to a focus layout: the screen (or pinned camera) large, the
 * cameras in a strip beside it. Each tile re-renders only for its own participant.
 */
export const ParticipantGrid = forwardRef<HTMLDivElement, ParticipantGridProps>(function ParticipantGrid(
  { layout = 'auto', pinnedId, onPinnedChange, className, ...rest },
  ref,
) {
  const ids = useParticipantIds();
  const sharing = useMeeting(selectSharing, shallowEqual);
  const m = useMessages();
  const [ownPin, setOwnPin] = useState<string | null>(null);
  const requestedPin = pinnedId === undefined ? ownPin : pinnedId;
  const pinned = requestedPin !== null && ids.includes(requestedPin) ? requestedPin : null;
  const setPinned = (id: string | null) => {
    if (pinnedId === undefined) setOwnPin(id);
    onPinnedChange?.(id);
  };
  const pinProps = (id: string) => ({
    pinned: pinned === id,
    onPinnedChange: (on: boolean) => setPinned(on ? id : null),
  });

  const focus =
    layout === 'grid'
      ? null
      : pinned !== null
        ? { id: pinned, source: sharing.includes(pinned) ? ('screen' as const) : ('camera' as const) }
        : sharing[0] !== undefined
          ? { id: sharing[0], source: 'screen' as const }
          : layout === 'focus' && ids[0] !== undefined
            ? // Local is first: focus the first remote, or yourself when alone.
              { id: ids[1] ?? ids[0], source: 'camera' as const }
            : null;

  return (
    <div
      ref={ref}
      role="group"
      aria-label={m.participants}
      {...rest}
      className={cx('mm-grid', className)}
      data-layout={focus ? 'focus' : 'grid'}
      data-state={focus ? 'focus' : 'grid'}
      data-count={focus || ids.length <= 9 ? ids.length : 'many'}
    >
      {focus ? (
        <>
          <div className="mm-grid__focus">
            <VideoTile key={`${focus.id}:${focus.source}`} participantId={focus.id} source={focus.source} {...pinProps(focus.id)} />
          </div>
          <div className="mm-grid__strip">
            {ids.map((id) =>
              focus.source === 'camera' && id === focus.id ? null : <VideoTile key={id} participantId={id} {...pinProps(id)} />,
            )}
          </div>
        </>
      ) : (
        ids.map((id) => <VideoTile key={id} participantId={id} {...pinProps(id)} />)
      )}
    </div>
  );
});
