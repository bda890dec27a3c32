import { useRef, useState, type CSSProperties, type PointerEvent } from 'react';
import { VideoTile } from './video-tile';
import type { VideoSize } from '../hooks/use-video-size';

/** A corner of the stage for the floating self view. */
export type SelfViewCorner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/** The corners in the order "Move your video" visits them. */
export const SELF_VIEW_CORNERS: readonly SelfViewCorner[] = ['top-right', 'bottom-right', 'bottom-left', 'top-left'];

/**
 * Your own camera as a small tile floating in a corner of the stage. Drag it (mouse, pen or
 * touch) and it settles in the nearest corner. Internal to `<ParticipantGrid>`.
 */
export function SelfView({
  participantId,
  size,
  corner,
  onCornerChange,
  onVideoSize,
}: {
  participantId: string;
  size: { width: number; height: number } | null;
  corner: SelfViewCorner;
  onCornerChange: (corner: SelfViewCorner) => void;
  onVideoSize: (size: VideoSize) => void;
}) {
  const drag = useRef<{ x: number; y: number; id: number } | null>(null);
  const [offset, setOffset] = useState<{ x: number; y: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    drag.current = { x: event.clientX, y: event.clientY, id: event.pointerId };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start || start.id !== event.pointerId) return;
    setOffset({ x: event.clientX - start.x, y: event.clientY - start.y });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    drag.current = null;
    setOffset(null);
    const stage = event.currentTarget.parentElement;
    if (!start || !stage) return;
    // The nearest corner to where the middle of the view was let go.
    const view = event.currentTarget.getBoundingClientRect();
    const area = stage.getBoundingClientRect();
    const x = view.left + view.width / 2 - area.left;
    const y = view.top + view.height / 2 - area.top;
    const next = `${y < area.height / 2 ? 'top' : 'bottom'}-${x < area.width / 2 ? 'left' : 'right'}` as SelfViewCorner;
    if (next !== corner) onCornerChange(next);
  };

  const style: CSSProperties = {
    ...(size ? { width: size.width, height: size.height } : {}),
    ...(offset ? { transform: `translate(${offset.x}px, ${offset.y}px)` } : {}),
  };
  return (
    <div
      className="mm-selfview"
      data-corner={corner}
      data-state={offset ? 'dragging' : 'idle'}
      style={style}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      <VideoTile participantId={participantId} showQuality={false} onVideoSize={onVideoSize} />
    </div>
  );
}
