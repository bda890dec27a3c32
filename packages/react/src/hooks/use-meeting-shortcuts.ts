import { useEffect, useRef, useState } from 'react';
import { useMeetingClient } from '../context/meeting-context';

/** A shortcut as `aria-keyshortcuts` wants it and as people read it on this platform. */
export interface ShortcutKeys {
  keys: string;
  label: string;
}

/** The meeting's shortcuts on this platform. */
export interface MeetingShortcuts {
  microphone: ShortcutKeys;
  camera: ShortcutKeys;
  help: ShortcutKeys;
}

const shortcutsFor = (mac: boolean): MeetingShortcuts => ({
  microphone: mac ? { keys: 'Meta+D', label: '⌘D' } : { keys: 'Control+D', label: 'Ctrl+D' },
  camera: mac ? { keys: 'Meta+E', label: '⌘E' } : { keys: 'Control+E', label: 'Ctrl+E' },
  help: { keys: 'Shift+?', label: '?' },
});

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * Keyboard shortcuts while in a meeting, the same as Google Meet's: Ctrl+D (⌘D on a Mac) mutes
 * or unmutes, Ctrl+E (⌘E) starts or stops the camera — they work while typing in the chat too —
 * and `?` calls `onHelp` (not while typing). Returns the keys for labels and `aria-keyshortcuts`.
 * `enabled: false` listens to nothing.
 */
export function useMeetingShortcuts(enabled: boolean, onHelp?: () => void): MeetingShortcuts {
  const client = useMeetingClient();
  const [mac, setMac] = useState(false);
  const help = useRef(onHelp);
  useEffect(() => {
    help.current = onHelp;
  });
  // Read on the client only; the server renders the Ctrl labels.
  useEffect(() => setMac(/Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)), []);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      const command = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
      const key = event.key.toLowerCase();
      if (command && !event.shiftKey && (key === 'd' || key === 'e')) {
        // Instead of the browser's bookmark / search shortcuts, as in other meeting apps.
        event.preventDefault();
        void client[key === 'd' ? 'microphone' : 'camera'].toggle().catch(() => undefined);
      } else if (event.key === '?' && !command && !typing(event.target) && help.current) {
        event.preventDefault();
        help.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [client, enabled, mac]);
  return shortcutsFor(mac);
}
