/** Why the browser's encoder sends less than asked (`outbound-rtp.qualityLimitationReason`). */
export type QualityLimitationReason = 'none' | 'bandwidth' | 'cpu' | 'other';

/**
 * One connection's link figures over the last sampling window, from `getStats()`: what the
 * link policy decides on. `null` means "not measured in this window" (no such stat yet, or no
 * previous sample to compute a rate against).
 */
export interface LinkSample {
  /** When the sample was taken, ms (the caller's clock). */
  at: number;
  /** `availableOutgoingBitrate` of the selected candidate pair: the browser's send estimate, bit/s. */
  availableOutgoingBitrate: number | null;
  /** Share (0–1) of what we sent that the peer reported lost in the window (remote-inbound-rtp). */
  sendLoss: number | null;
  /** Round trip, ms: the selected pair's `currentRoundTripTime`, else remote-inbound-rtp's. */
  rttMs: number | null;
  /** Jitter the peer measured on what we send (remote-inbound-rtp), ms; the largest of our streams. */
  sendJitterMs: number | null;
  /** Why our camera encoder is limited right now, when it sends. */
  qualityLimitationReason: QualityLimitationReason | null;
  /** Our camera's sent frame rate and height. */
  sentFramesPerSecond: number | null;
  sentFrameHeight: number | null;
  /** Share (0–1) of received audio that was concealed (lost or late packets, not silence) in the window. */
  audioConcealment: number | null;
  /** Share (0–1) of inbound packets lost in the window. */
  receiveLoss: number | null;
  /** Inbound video frame rate. */
  receivedFramesPerSecond: number | null;
  /** Bytes that arrived from the peer in the window: a congested link still delivers some. */
  bytesReceived: number | null;
  /**
   * Frames our camera track gave this connection's sender in the window (media-source `frames`;
   * counted also while the encoder is paused); `null` where the browser does not report them.
   */
  cameraFrames: number | null;
}
