import type { BenchTrace } from './rtc-trace';

/** What the bench driver calls on each page. */
export interface BenchPage {
  join(meetingId: string): Promise<void>;
  /** Epoch ms of the first decoded frame from each remote, by remote id. */
  frames(): Record<string, number>;
  /** Epoch ms of named phases (joined, first remote stream…), for `--trace`. */
  marks(): Record<string, number>;
  leave(): Promise<void>;
}

declare global {
  interface Window {
    bench: BenchPage;
    /** Installed by `rtc-trace.ts` before the page bundle runs. */
    benchTrace: BenchTrace;
  }
}

/** Plays `stream` in a muted video and records when its first frame is decoded. */
export function watchFirstFrame(stream: MediaStream, remoteId: string, into: Record<string, number>): void {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  document.body.append(video);
  video.requestVideoFrameCallback((_now, frame) => {
    into[remoteId] ??= Date.now();
    const track = stream.getVideoTracks()[0];
    if (track) window.benchTrace.frame(track.id, `${frame.width}x${frame.height}`);
  });
  void video.play().catch(() => undefined);
}

/** Records the first time each named phase happens. */
export function createMarks(): { mark(name: string): void; read(): Record<string, number> } {
  const marks: Record<string, number> = {};
  return {
    mark(name) {
      marks[name] ??= Date.now();
      window.benchTrace.mark(name);
    },
    read: () => ({ ...marks }),
  };
}
