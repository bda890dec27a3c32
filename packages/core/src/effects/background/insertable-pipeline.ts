import type { FramePipeline, PipelineFailure, RenderFrame } from './frame-pipeline';

/** Chromium's insertable streams for raw media, not in TypeScript's DOM types yet. */
interface InsertableStreams {
  MediaStreamTrackProcessor: new (init: { track: MediaStreamTrack }) => { readable: ReadableStream<VideoFrame> };
  MediaStreamTrackGenerator: new (init: { kind: 'video' }) => MediaStreamTrack & { writable: WritableStream<VideoFrame> };
}

/**
 * The Chromium pipeline: `MediaStreamTrackProcessor` hands out the camera's `VideoFrame`s,
 * `MediaStreamTrackGenerator` is the output track. One output frame per input frame, with the
 * input's timestamp, so size and rate follow the camera; nothing waits on page rendering, so a
 * hidden tab keeps sending.
 */
export function createInsertablePipeline(render: RenderFrame, onFailure: PipelineFailure): FramePipeline {
  const { MediaStreamTrackProcessor, MediaStreamTrackGenerator } = globalThis as unknown as InsertableStreams;
  const generator = new MediaStreamTrackGenerator({ kind: 'video' });
  const writer = generator.writable.getWriter();
  let reader: ReadableStreamDefaultReader<VideoFrame> | null = null;
  let closed = false;

  async function pump(current: ReadableStreamDefaultReader<VideoFrame>) {
    for (;;) {
      const { value: frame, done } = await current.read();
      if (done || !frame) return;
      if (current !== reader || closed) {
        frame.close();
        return;
      }
      const out = await render(frame, frame.displayWidth, frame.displayHeight);
      if (out === 'passthrough') {
        // The generator takes the frame over (and closes it once sent).
        await writer.write(frame);
      } else {
        frame.close();
        if (out !== 'drawn') await writer.write(out);
      }
    }
  }

  return {
    output: generator,
    async setInput(track) {
      const previous = reader;
      const processor = new MediaStreamTrackProcessor({ track });
      reader = processor.readable.getReader();
      previous?.cancel().catch(() => undefined);
      const current = reader;
      pump(current).catch((error: unknown) => {
        if (current === reader && !closed) onFailure(error);
      });
    },
    close() {
      if (closed) return;
      closed = true;
      reader?.cancel().catch(() => undefined);
      reader = null;
      writer.close().catch(() => undefined);
      generator.stop();
    },
  };
}
