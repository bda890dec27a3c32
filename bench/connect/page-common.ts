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
  }
}

/** Plays `stream` in a muted video and records when its first frame is decoded. */
export function watchFirstFrame(stream: MediaStream, remoteId: string, into: Record<string, number>): void {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  document.body.append(video);
  video.requestVideoFrameCallback(() => {
    into[remoteId] ??= Date.now();
  });
  void video.play().catch(() => undefined);
}

/** Records the first time each named phase happens. */
export function createMarks(): { mark(name: string): void; read(): Record<string, number> } {
  const marks: Record<string, number> = {};
  return { mark: (name) => void (marks[name] ??= Date.now()), read: () => ({ ...marks }) };
}
