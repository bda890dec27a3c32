import { useCallback, useEffect, useState } from 'react';

/** `documentPictureInPicture` (Chromium 116+), typed here as lib.dom does not have it yet. */
interface DocumentPictureInPictureApi {
  requestWindow(options?: { width?: number; height?: number }): Promise<Window>;
}

/** Which picture-in-picture the browser offers: a small window with any content, a `<video>`'s own, or none. */
export type PictureInPictureKind = 'document' | 'video' | 'none';

/** State and actions of picture-in-picture. */
export interface UsePictureInPictureResult {
  kind: PictureInPictureKind;
  /** The Document Picture-in-Picture window while open (render into it with a portal). */
  pipWindow: Window | null;
  /** Opens picture-in-picture for `video` (the `<video>` fallback) or a small window (Document PiP). */
  open(video: HTMLVideoElement | null): Promise<void>;
  close(): void;
}

function documentPip(): DocumentPictureInPictureApi | undefined {
  return (window as unknown as { documentPictureInPicture?: DocumentPictureInPictureApi }).documentPictureInPicture;
}

/** Copies the page's styles into the picture-in-picture window, so the meeting looks the same there. */
function copyStyles(target: Document): void {
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      const style = target.createElement('style');
      style.textContent = Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n');
      target.head.append(style);
    } catch {
      // A cross-origin sheet cannot be read: link it instead.
      if (!sheet.href) continue;
      const link = target.createElement('link');
      link.rel = 'stylesheet';
      link.href = sheet.href;
      target.head.append(link);
    }
  }
}

/**
 * Picture-in-picture: Document Picture-in-Picture where the browser has it (a small always-on-top
 * window you render into — video plus controls), otherwise the `<video>` element's own
 * picture-in-picture, otherwise `kind: 'none'`. Opening needs a click (browsers require one).
 */
export function usePictureInPicture(): UsePictureInPictureResult {
  const [kind, setKind] = useState<PictureInPictureKind>('none');
  const [pipWindow, setPipWindow] = useState<Window | null>(null);
  useEffect(() => {
    setKind(documentPip() ? 'document' : document.pictureInPictureEnabled ? 'video' : 'none');
  }, []);
  useEffect(() => {
    if (!pipWindow) return;
    const closed = () => setPipWindow(null);
    pipWindow.addEventListener('pagehide', closed);
    return () => {
      pipWindow.removeEventListener('pagehide', closed);
      pipWindow.close();
    };
  }, [pipWindow]);

  const open = useCallback(async (video: HTMLVideoElement | null) => {
    const api = documentPip();
    if (api) {
      const opened = await api.requestWindow({ width: 360, height: 240 });
      copyStyles(opened.document);
      opened.document.body.style.margin = '0';
      setPipWindow(opened);
    } else if (video && document.pictureInPictureEnabled) {
      await video.requestPictureInPicture();
    }
  }, []);
  const close = useCallback(() => {
    setPipWindow(null);
    if (document.pictureInPictureElement) void document.exitPictureInPicture().catch(() => undefined);
  }, []);
  return { kind, pipWindow, open, close };
}
