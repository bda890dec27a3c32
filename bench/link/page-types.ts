/** How a bench page joins: the meeting, and the TURN server its link leads to. */
export interface LinkJoin {
  meetingId: string;
  turn: RTCIceServer;
  /** Ours only: try an ICE restart before a rebuild (the client's default), or rebuild at once. */
  iceRestart?: boolean;
}

/** What our page's client decided, as its snapshot showed it (ours only). */
export interface AppliedPolicy {
  /** Every change of the video we send (`snapshot.localVideo.sending`), as `<epoch ms> <level> <reason>`. */
  sending: string[];
  /** Every change of the peer state, as `<epoch ms> <state>`. */
  peerStates: string[];
}

/** What the driver calls on each page. */
export interface LinkBenchPage {
  join(options: LinkJoin): Promise<void>;
  /** Resolves once a remote camera frame was decoded. */
  firstFrame(): Promise<void>;
  /** Quality buckets the UI would have shown, one entry per change (ours only; raw has none). */
  qualityChanges(): string[];
  /** What the client decided (ours; raw returns empty lists). */
  applied(): AppliedPolicy;
  leave(): Promise<void>;
}

declare global {
  interface Window {
    linkBench: LinkBenchPage;
  }
}
