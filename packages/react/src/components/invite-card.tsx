import { forwardRef, useEffect, useState, type HTMLAttributes } from 'react';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { Icon } from './icons';

/** Props of `<InviteCard>`. */
export interface InviteCardProps extends HTMLAttributes<HTMLElement> {
  /** The link others join with. @default the current page's address */
  url?: string;
  /** Heading level of the title. @default 2 */
  headingLevel?: 2 | 3;
}

/**
 * The calm card shown while you are alone in the meeting: "Waiting for others to join", the
 * meeting link and a Copy link button (which says "Link copied" once done; where the clipboard
 * is refused, the link is selected for copying by hand).
 */
export const InviteCard = forwardRef<HTMLElement, InviteCardProps>(function InviteCard(
  { url, headingLevel = 2, className, children, ...rest },
  ref,
) {
  const m = useMessages();
  const [link, setLink] = useState(url ?? '');
  const [copied, setCopied] = useState(false);
  const Heading = `h${headingLevel}` as const;
  // Read on the client only: the server has no address bar.
  useEffect(() => setLink(url ?? window.location.href), [url]);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 4000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async (target: HTMLElement | null) => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard permission: select the link so Ctrl+C / long-press copies it.
      const text = target?.closest('.mm-invite')?.querySelector('.mm-invite__link');
      const selection = text ? window.getSelection() : null;
      if (text && selection) selection.selectAllChildren(text);
    }
  };

  return (
    <section ref={ref} aria-label={m.aloneTitle} {...rest} className={cx('mm-invite', className)} data-state={copied ? 'copied' : 'idle'}>
      <Heading className="mm-invite__title">{m.aloneTitle}</Heading>
      <p className="mm-invite__body">{m.aloneBody}</p>
      {link ? (
        <p className="mm-invite__row">
          <span className="mm-visually-hidden">{m.meetingLink}: </span>
          <span className="mm-invite__link">{link}</span>
        </p>
      ) : null}
      <button type="button" className="mm-button" data-variant="primary" onClick={(event) => void copy(event.currentTarget)}>
        <Icon name="copy" />
        <span>{m.copyLink}</span>
      </button>
      <p role="status" className="mm-invite__status">
        {copied ? m.linkCopied : ''}
      </p>
      {children}
    </section>
  );
});
