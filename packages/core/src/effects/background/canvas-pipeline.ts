import type { FramePipeline, PipelineFailure, RenderFrame } from './frame-pipeline';

/**
 * The pipeline for browsers without insertable streams (Firefox, Safari): the camera plays in a
 * detached muted `<video>`, each new video frame is rendered into the compositor's `<canvas>`,
 * and `canvas.captureStream(frameRate)` is the output track. The canvas follows the video's
 * size; the capture rate is the camera's.
 */
export function createCanvasPipeline(canvas: HTMLCanvasElement, render: RenderFrame, onFailure: PipelineFailure, frameRate: number): FramePipeline {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  const output = canvas.captureStream(frameRate).getVideoTracks()[0]!;
  let closed = false;
  let pending: { cancel(): void } | null = null;

  /** Next video frame: requestVideoFrameCallback where there is one, else the frame interval. */
  function schedule() {
    if (closed) return;
    if (typeof video.requestVideoFrameCallback === 'function') {
      const id = video.requestVideoFrameCallback(() => void tick());
      pending = { cancel: () => video.cancelVideoFrameCallback(id) };
    } else {
      const id = setTimeout(() => void tick(), 1000 / frameRate);
      pending = { cancel: () => clearTimeout(id) };
    }
  }

  async function tick() {
    pending = null;
    if (closed) return;
    try {
      if (video.videoWidth > 0) await render(video, video.videoWidth, video.videoHeight);
    } catch (error) {
      if (!closed) onFailure(error);
      return;
    }
    schedule();
  }

  return {
    output,
    async setInput(track) {
      pending?.cancel();
      video.srcObject = new MediaStream([track]);
      await video.play();
      schedule();
    },
    close() {
      if (closed) return;
      closed = true;
      pending?.cancel();
      pending = null;
      video.pause();
      video.srcObject = null;
      output.stop();
    },
  };
}
