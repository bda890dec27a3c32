/** How a bench page joins: the meeting, and the TURN server its link leads to. */
export interface LinkJoin {
  meetingId: string;
  turn: RTCIceServer;
}

/** What the driver calls on each page. */
export interface LinkBenchPage {
  join(options: LinkJoin): Promise<void>;
  /** Resolves once a remote camera frame was decoded. */
  firstFrame(): Promise<void>;
  /** Quality buckets the UI would have shown, one entry per change (ours only; raw has none). */
  qualityChanges(): string[];
  leave(): Promise<void>;
}

declare global {
  interface Window {
    linkBench: LinkBenchPage;
  }
}
