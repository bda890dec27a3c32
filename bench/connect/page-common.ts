import type { BenchTrace } from './rtc-trace';

/** What the bench driver calls on each page. */
export interface BenchPage {
  join(meetingId: string): Promise<void>;
  /** Epoch ms of the first decoded frame from each remote, by remote id. */
  frames(): Record<string, number>;
  /** Resolves with `frames()` once `count` remotes have shown a frame (no polling over CDP). */
  whenFrames(count: number): Promise<Record<string, number>>;
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

/** First decoded frame per remote, with waiters for "`count` remotes seen". */
export interface FrameLog {
  record(remoteId: string): void;
  read(): Record<string, number>;
  when(count: number): Promise<Record<string, number>>;
}

/** Create an empty frame log. */
export function createFrameLog(): FrameLog {
  const frames: Record<string, number> = {};
  const waiters: Array<{ count: number; resolve: (f: Record<string, number>) => void }> = [];
  const settle = () => {
    const seen = Object.keys(frames).length;
    for (const w of waiters.filter((w) => seen >= w.count)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve({ ...frames });
    }
  };
  return {
    record(remoteId) {
      if (remoteId in frames) return;
      frames[remoteId] = Date.now();
      settle();
    },
    read: () => ({ ...frames }),
    when(count) {
      return new Promise((resolve) => {
        waiters.push({ count, resolve });
        settle();
      });
    },
  };
}

/** Plays `stream` in a muted video and records when its first frame is decoded. */
export function watchFirstFrame(stream: MediaStream, remoteId: string, into: FrameLog): void {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  document.body.append(video);
  video.requestVideoFrameCallback((_now, frame) => {
    into.record(remoteId);
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
