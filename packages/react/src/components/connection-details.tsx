import { forwardRef, type HTMLAttributes } from 'react';
import type { PeerStats } from '@mentara/meetings-core';
import { usePeerStats } from '../hooks/use-peer-stats';
import { useConnectionQuality } from '../hooks/use-connection';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';

/** Props of `<ConnectionDetails>`. */
export interface ConnectionDetailsProps extends HTMLAttributes<HTMLDListElement> {
  /** The remote participant whose link to show. */
  participantId: string;
}

function bitrate(bps: number | null): string | null {
  if (bps === null) return null;
  return bps >= 1_000_000 ? `${(bps / 1_000_000).toFixed(1)} Mbit/s` : `${Math.round(bps / 1000)} kbit/s`;
}

function picture(stats: PeerStats): string | null {
  if (!stats.frameWidth || !stats.frameHeight) return null;
  return `${stats.frameWidth}×${stats.frameHeight}${stats.framesPerSecond ? ` · ${Math.round(stats.framesPerSecond)} fps` : ''}`;
}

/**
 * The figures of the link to one person, for "why is it choppy?": quality, round-trip time,
 * packet loss, receive and send bitrate, picture size and whether media goes direct or through
 * a relay (TURN). Updates with every stats sample (`usePeerStats`).
 */
export const ConnectionDetails = forwardRef<HTMLDListElement, ConnectionDetailsProps>(function ConnectionDetails(
  { participantId, className, ...rest },
  ref,
) {
  const stats = usePeerStats(participantId);
  const quality = useConnectionQuality(participantId);
  const m = useMessages();
  const relayed = stats?.localCandidateType === 'relay' || stats?.remoteCandidateType === 'relay';
  const route = stats?.localCandidateType ? (relayed ? m.routeRelay : m.routeDirect) : null;
  const rows: Array<[string, string | null]> = stats
    ? [
        [m.detailsRoundTrip, stats.rttMs === null ? null : `${Math.round(stats.rttMs)} ms`],
        [m.detailsPacketLoss, stats.packetLoss === null ? null : `${(stats.packetLoss * 100).toFixed(1)} %`],
        [m.detailsReceiving, [bitrate(stats.inboundBitrate), picture(stats)].filter(Boolean).join(', ') || null],
        [m.detailsSending, bitrate(stats.outboundBitrate)],
        [m.detailsRoute, route],
      ]
    : [];
  return (
    <dl ref={ref} {...rest} className={cx('mm-details', className)} data-state={quality}>
      <div className="mm-details__row" data-row="quality">
        <dt>{m.connectionDetails}</dt>
        <dd>{m.quality[quality]}</dd>
      </div>
      {rows.map(([term, value]) => (
        <div key={term} className="mm-details__row">
          <dt>{term}</dt>
          <dd>{value ?? m.notMeasured}</dd>
        </div>
      ))}
    </dl>
  );
});
