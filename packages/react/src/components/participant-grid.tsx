import { forwardRef, useCallback, useImperativeHandle, useRef, useState, type CSSProperties, type HTMLAttributes, type ReactNode } from 'react';
import type { MeetingSnapshot } from '@mentara/meetings-core';
import { useMeeting } from '../hooks/use-meeting';
import { useParticipantIds } from '../hooks/use-participants';
import { useElementSize } from '../hooks/use-element-size';
import { useRovingFocus } from '../hooks/use-roving-focus';
import type { VideoSize } from '../hooks/use-video-size';
import { useMessages } from '../messages/messages-context';
import { shallowEqual } from '../utils/shallow-equal';
import { planStage, type Size, type StageMode } from '../utils/stage-plan';
import { cx } from '../utils/class-names';
import { VideoTile } from './video-tile';
import { SelfView, type SelfViewCorner } from './self-view';

/**
 * `auto`: alone → your view and `empty`; two people → the other person large with you small in a
 * corner; three or more → equal tiles; a screen share or a pinned person → large beside a strip.
 * `grid`: always equal tiles. `focus`: speaker view — the active speaker large beside a strip.
 */
export type GridLayout = 'auto' | 'grid' | 'focus';

/** Props of `<ParticipantGrid>`. */
export interface ParticipantGridProps extends HTMLAttributes<HTMLDivElement> {
  /** @default 'auto' */
  layout?: GridLayout;
  /** Controlled pinned participant id (`null`: none). Uncontrolled when omitted. */
  pinnedId?: string | null;
  onPinnedChange?: (participantId: string | null) => void;
  /** Shown on the stage while you are alone (e.g. an invitation card). */
  empty?: ReactNode;
  /** Controlled corner of your floating view (two-person calls, alone). Uncontrolled when omitted. */
  selfViewCorner?: SelfViewCorner;
  onSelfViewCornerChange?: (corner: SelfViewCorner) => void;
}

const GAP = 12;
const DEFAULT_ASPECT = 16 / 9;

/** Remote screen shares in join order; your own share is never put on your own stage (see `<PresentingBanner>`). */
const selectSharing = (s: MeetingSnapshot) => s.remoteParticipants.filter((p) => p.media.screen).map((p) => p.id);
const selectSpeaker = (s: MeetingSnapshot) => (s.activeSpeakerId && s.remotes[s.activeSpeakerId] ? s.activeSpeakerId : null);

/**
 * Everyone's camera, laid out so no picture is cut: tiles keep the video's shape and are sized
 * to the container (no scrolling), the other person fills the stage in a two-person call with
 * your own view small in a corner (drag it to another), and a shared screen is shown whole
 * beside a strip of cameras. The tiles' buttons are one Tab stop (arrow keys move between them).
 * `data-layout` is `solo | spotlight | grid | focus`. Each tile re-renders only for its own participant.
 */
export const ParticipantGrid = forwardRef<HTMLDivElement, ParticipantGridProps>(function ParticipantGrid(
  { layout = 'auto', pinnedId, onPinnedChange, empty, selfViewCorner, onSelfViewCornerChange, className, onKeyDown, style, ...rest },
  ref,
) {
  const ids = useParticipantIds();
  const sharing = useMeeting(selectSharing, shallowEqual);
  const speaker = useMeeting(selectSpeaker);
  const m = useMessages();
  const rootRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => rootRef.current as HTMLDivElement);
  const size = useElementSize(rootRef);
  const roving = useRovingFocus(rootRef);
  const [ownPin, setOwnPin] = useState<string | null>(null);
  const [ownCorner, setOwnCorner] = useState<SelfViewCorner>('top-right');
  const [aspects, setAspects] = useState<Record<string, number>>({});
  const corner = selfViewCorner ?? ownCorner;
  const setCorner = (next: SelfViewCorner) => {
    if (selfViewCorner === undefined) setOwnCorner(next);
    onSelfViewCornerChange?.(next);
  };
  const aspectOf = (key: string) => aspects[key] ?? DEFAULT_ASPECT;
  const reportSize = useCallback((key: string, video: VideoSize) => {
    const aspect = video.width / video.height;
    setAspects((previous) => (Math.abs((previous[key] ?? 0) - aspect) < 0.01 ? previous : { ...previous, [key]: aspect }));
  }, []);

  const requestedPin = pinnedId === undefined ? ownPin : pinnedId;
  const pinned = requestedPin !== null && ids.includes(requestedPin) ? requestedPin : null;
  const setPinned = (id: string | null) => {
    if (pinnedId === undefined) setOwnPin(id);
    onPinnedChange?.(id);
  };
  const localId = ids[0];
  const remotes = ids.slice(1);

  // What is large: a pinned person (their screen if they share), else a screen, else the speaker (speaker view).
  const focus =
    pinned !== null
      ? { id: pinned, source: sharing.includes(pinned) ? ('screen' as const) : ('camera' as const) }
      : sharing[0] !== undefined
        ? { id: sharing[0], source: 'screen' as const }
        : layout === 'focus' && remotes.length > 0
          ? { id: speaker ?? remotes[0]!, source: 'camera' as const }
          : null;
  const mode: StageMode =
    ids.length <= 1 ? 'solo' : focus && layout !== 'grid' ? 'focus' : layout === 'auto' && ids.length === 2 ? 'spotlight' : 'grid';
  const stripIds = mode === 'focus' && focus ? ids.filter((id) => focus.source === 'screen' || id !== focus.id) : ids;
  const main = mode === 'focus' ? focus : mode === 'spotlight' ? { id: remotes[0]!, source: 'camera' as const } : null;
  const plan = planStage({
    mode,
    width: size.width,
    height: size.height,
    gap: GAP,
    count: stripIds.length,
    mainAspect: main ? aspectOf(`${main.id}:${main.source}`) : DEFAULT_ASPECT,
    selfAspect: localId ? aspectOf(`${localId}:camera`) : DEFAULT_ASPECT,
  });

  const tileProps = (id: string, source: 'camera' | 'screen', box: Size | null) => ({
    participantId: id,
    source,
    pinned: pinned === id,
    // Pinning yourself, or the only other person, changes nothing worth a button.
    onPinnedChange: id === localId || mode === 'spotlight' ? undefined : (on: boolean) => setPinned(on ? id : null),
    onVideoSize: (video: VideoSize) => reportSize(`${id}:${source}`, video),
    style: box ? { width: box.width, height: box.height } : undefined,
  });
  const row = (box: Size | null): CSSProperties | undefined =>
    box ? { maxWidth: plan.columns * box.width + (plan.columns - 1) * GAP } : undefined;

  return (
    <div
      ref={rootRef}
      role="group"
      aria-label={m.participants}
      {...rest}
      style={{ ...style, ...(plan.strip ? { '--mm-strip': `${plan.strip.size}px` } : {}) } as CSSProperties}
      className={cx('mm-grid', className)}
      data-layout={mode}
      data-state={mode}
      data-strip={plan.strip?.side}
      data-measured={size.width > 0 || undefined}
      data-count={ids.length <= 9 ? ids.length : 'many'}
      onKeyDown={(event) => {
        roving.onKeyDown(event);
        onKeyDown?.(event);
      }}
    >
      {mode === 'solo' ? <div className="mm-grid__main">{empty}</div> : null}
      {main ? (
        <div className="mm-grid__main">
          <VideoTile key={`${main.id}:${main.source}`} {...tileProps(main.id, main.source, plan.main)} />
        </div>
      ) : null}
      {mode === 'grid' || mode === 'focus' ? (
        <div className={mode === 'grid' ? 'mm-grid__cells' : 'mm-grid__strip'} style={row(plan.tile)}>
          {stripIds.map((id) => (
            <VideoTile key={id} {...tileProps(id, 'camera', plan.tile)} />
          ))}
        </div>
      ) : null}
      {(mode === 'solo' || mode === 'spotlight') && localId ? (
        <SelfView
          participantId={localId}
          size={plan.self}
          corner={corner}
          onCornerChange={setCorner}
          onVideoSize={(video) => reportSize(`${localId}:camera`, video)}
        />
      ) : null}
    </div>
  );
});
