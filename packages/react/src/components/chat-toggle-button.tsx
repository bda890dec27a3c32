import { forwardRef, type ButtonHTMLAttributes } from 'react';
import { useUnreadChat } from '../hooks/use-unread-chat';
import { useMessages } from '../messages/messages-context';
import { formatMessage } from '../messages/messages';
import { cx } from '../utils/class-names';
import { Icon } from './icons';

/** Props of `<ChatToggleButton>`. */
export interface ChatToggleButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'onClick'> {
  /** Whether the chat is showing. */
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** `id` of the chat panel, for `aria-controls`. */
  panelId?: string;
  /** Show the text label (always available to screen readers). @default true */
  showLabel?: boolean;
}

/**
 * Shows or hides the chat (`aria-pressed`), with a count of messages that arrived while it was
 * closed — visible as a badge and read out as "Chat, 2 unread". `data-unread` holds the count.
 */
export const ChatToggleButton = forwardRef<HTMLButtonElement, ChatToggleButtonProps>(function ChatToggleButton(
  { open, onOpenChange, panelId, showLabel = true, className, ...rest },
  ref,
) {
  const m = useMessages();
  const unread = useUnreadChat(open);
  return (
    <button
      ref={ref}
      type="button"
      title={showLabel ? undefined : m.toggleChat}
      {...rest}
      className={cx('mm-button mm-toggle', className)}
      aria-pressed={open}
      aria-controls={open ? panelId : undefined}
      data-state={open ? 'on' : 'off'}
      data-panel="chat"
      data-unread={unread}
      // The count is part of the name: "Chat, 2 unread".
      aria-label={unread > 0 ? `${m.toggleChat}, ${formatMessage(m.chatUnread, { count: String(unread) })}` : undefined}
      onClick={() => onOpenChange(!open)}
    >
      <Icon name="chat" />
      <span className={showLabel ? undefined : 'mm-visually-hidden'}>{m.toggleChat}</span>
      {unread > 0 ? (
        <span className="mm-badge" aria-hidden="true">
          {unread}
        </span>
      ) : null}
    </button>
  );
});
