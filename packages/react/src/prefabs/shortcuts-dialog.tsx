import { Dialog } from '../components/dialog';
import { useMessages } from '../messages/messages-context';
import type { MeetingShortcuts } from '../hooks/use-meeting-shortcuts';

/** The list of keyboard shortcuts (More options → Keyboard shortcuts, or `?`). */
export function ShortcutsDialog({ shortcuts, onClose }: { shortcuts: MeetingShortcuts; onClose: () => void }) {
  const m = useMessages();
  const rows: Array<[string, string]> = [
    [shortcuts.microphone.label, m.shortcutMicrophone],
    [shortcuts.camera.label, m.shortcutCamera],
    [shortcuts.help.label, m.shortcutHelp],
  ];
  return (
    <Dialog title={m.keyboardShortcuts} onClose={onClose}>
      <dl className="mm-shortcuts">
        {rows.map(([keys, action]) => (
          <div key={action} className="mm-shortcuts__row">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <div className="mm-dialog__actions">
        <button type="button" className="mm-button" data-variant="primary" onClick={onClose}>
          {m.close}
        </button>
      </div>
    </Dialog>
  );
}
