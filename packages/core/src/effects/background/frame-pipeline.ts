/**
 * Draws one input frame processed; resolves with what to send: a new frame (the pipeline sends
 * it) or `'passthrough'` (send the input frame as it is, insertable streams only).
 */
export type RenderFrame = (source: VideoFrame | HTMLVideoElement, width: number, height: number) => Promise<VideoFrame | 'drawn' | 'passthrough'>;

/** Reads frames from the camera track, renders them, and feeds one output track. */
export interface FramePipeline {
  /** The track to send; the same for the pipeline's whole life. */
  readonly output: MediaStreamTrack;
  /** Read from `track` from now on (first start, or a switched camera). */
  setInput(track: MediaStreamTrack): Promise<void>;
  /** Stop reading, end the output, release the reader/element and timers. */
  close(): void;
}

/** Called when the frame loop breaks (render threw, output could not be written). */
export type PipelineFailure = (error: unknown) => void;
