import { forwardRef, useEffect, useId, useRef, useState, type FormEvent, type HTMLAttributes } from 'react';
import { isMeetingError, type MeetingSnapshot } from '@mentara/meetings-core';
import { useChat } from '../hooks/use-chat';
import { useMeeting } from '../hooks/use-meeting';
import { useMessages } from '../messages/messages-context';
import { formatMessage } from '../messages/messages';
import { participantLabel } from '../utils/participant-label';
import { shallowEqual } from '../utils/shallow-equal';
import { cx } from '../utils/class-names';
import { Icon } from './icons';

/** Props of `<ChatPanel>`. */
export interface ChatPanelProps extends HTMLAttributes<HTMLElement> {
  /** Heading level of the panel title. @default 2 */
  headingLevel?: 2 | 3 | 4;
  /** Shows a close button in the header (a side panel or a sheet over the call). */
  onClose?: () => void;
  /** Focus the message field when the panel appears (it was just opened). @default false */
  autoFocus?: boolean;
}

/** Names of the people present as the tiles show them (same names told apart), by id. */
const selectLabels = (guest: string) => (s: MeetingSnapshot) => {
  const labels: Record<string, string> = {};
  for (const p of s.remoteParticipants) labels[p.id] = participantLabel(s, p.id, guest) ?? guest;
  return labels;
};

function timeOf(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/**
 * The meeting chat: message list (newest at the bottom, kept scrolled) and a labelled input.
 * Sending keeps the text when it fails and shows why. Senders are named as their tiles are
 * (two people called "Client" read "Client" and "Client (2)").
 */
export const ChatPanel = forwardRef<HTMLElement, ChatPanelProps>(function ChatPanel(
  { headingLevel = 2, onClose, autoFocus = false, className, ...rest },
  ref,
) {
  const { messages, send, localId, maxLength } = useChat();
  const m = useMessages();
  const [selectNames] = useState(() => selectLabels(m.guest));
  const labels = useMeeting(selectNames, shallowEqual);
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const titleId = useId();
  const inputId = useId();
  const Heading = `h${headingLevel}` as const;

  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [messages.length]);
  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    setError(null);
    send(body).then(
      () => {
        setText('');
        setSending(false);
      },
      (reason: unknown) => {
        setSending(false);
        setError(isMeetingError(reason) ? (m.errors[reason.code] ?? reason.hint) : String(reason));
      },
    );
  };

  return (
    <section ref={ref} aria-labelledby={titleId} {...rest} className={cx('mm-chat', className)} data-state={messages.length ? 'messages' : 'empty'}>
      <div className="mm-panel__header">
        <Heading id={titleId} className="mm-chat__title">
          {m.chat}
        </Heading>
        {onClose ? (
          <button type="button" className="mm-panel__close" aria-label={formatMessage(m.closePanel, { name: m.chat })} onClick={onClose}>
            <Icon name="close" />
          </button>
        ) : null}
      </div>
      <ol ref={listRef} className="mm-chat__list" tabIndex={0} aria-labelledby={titleId}>
        {messages.length === 0 ? <li className="mm-chat__empty">{m.chatEmpty}</li> : null}
        {messages.map((message) => {
          const own = message.from === localId;
          return (
            <li key={message.id} className="mm-chat__message" data-local={own}>
              <span className="mm-chat__meta">
                {own ? m.you : (labels[message.from] ?? message.fromName)} · <time dateTime={new Date(message.sentAt).toISOString()}>{timeOf(message.sentAt)}</time>
              </span>
              <span className="mm-chat__text">{message.text}</span>
            </li>
          );
        })}
      </ol>
      {error ? (
        <p role="alert" className="mm-error">
          {error}
        </p>
      ) : null}
      <form className="mm-chat__form" onSubmit={submit}>
        <label htmlFor={inputId} className="mm-visually-hidden">
          {m.chatInputLabel}
        </label>
        <input
          ref={inputRef}
          id={inputId}
          className="mm-input"
          value={text}
          placeholder={m.chatPlaceholder}
          maxLength={maxLength ?? undefined}
          autoComplete="off"
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="mm-button" data-variant="primary" disabled={sending || text.trim() === ''}>
          {m.send}
        </button>
      </form>
    </section>
  );
});
