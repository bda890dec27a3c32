import type { FramePipeline, PipelineFailure, RenderFrame } from './frame-pipeline';

/**
 * With no video-frame callback for this long, a frame is rendered from a timer: a hidden tab runs
 * no video-frame callbacks at all, and without this the output would freeze (the others would see
 * a still picture) until the person came back. The browser slows such timers in a hidden tab
 * (about once a second), which still keeps the picture moving.
 */
const NO_CALLBACK_MS = 250;

/**
 * The pipeline for browsers without insertable streams (Firefox, Safari): the camera plays in a
 * detached muted `<video>`, each new video frame is rendered into the compositor's `<canvas>`,
 * and `canvas.captureStream(frameRate)` is the output track. The canvas follows the video's
 * size; the capture rate is the camera's. In a hidden tab it renders from a timer instead.
 */
export function createCanvasPipeline(canvas: HTMLCanvasElement, render: RenderFrame, onFailure: PipelineFailure, frameRate: number): FramePipeline {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  const output = canvas.captureStream(frameRate).getVideoTracks()[0]!;
  let closed = false;
  let pending: { cancel(): void } | null = null;

  /**
   * Next video frame: requestVideoFrameCallback where there is one (with a timer behind it for a
   * hidden tab), else the frame interval.
   */
  function schedule() {
    if (closed) return;
    const callbacks = typeof video.requestVideoFrameCallback === 'function';
    const timer = setTimeout(() => {
      pending?.cancel();
      void tick();
    }, callbacks ? NO_CALLBACK_MS : 1000 / frameRate);
    const id = callbacks
      ? video.requestVideoFrameCallback(() => {
          pending?.cancel();
          void tick();
        })
      : null;
    pending = {
      cancel: () => {
        clearTimeout(timer);
        if (id !== null) video.cancelVideoFrameCallback(id);
      },
    };
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
