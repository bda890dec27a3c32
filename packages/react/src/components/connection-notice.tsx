import { forwardRef, type HTMLAttributes } from 'react';
import { useConnectionNotice, type ConnectionNoticeInfo } from '../hooks/use-connection-notice';
import { formatMessage, type MeetingMessages } from '../messages/messages';
import { useMessages } from '../messages/messages-context';
import { cx } from '../utils/class-names';
import { Icon } from './icons';

/** Props of `<ConnectionNotice>`. */
export type ConnectionNoticeProps = HTMLAttributes<HTMLDivElement>;

/** The sentence for a notice (`''` for none). */
export function connectionNoticeText(notice: ConnectionNoticeInfo, m: MeetingMessages): string {
  const n = m.linkNotice;
  switch (notice.state) {
    case 'none':
      return '';
    case 'reconnecting':
      return n.reconnecting;
    case 'weak-self':
      return notice.videoPaused ? n.weakSelfVideoPaused : n.weakSelf;
    case 'weak-remote':
      if (notice.several) return n.weakRemotes;
      return formatMessage(notice.videoPaused ? n.weakRemoteVideoPaused : n.weakRemote, { name: notice.displayName || m.guest });
  }
}

/**
 * One calm sentence about the connection, for everyone in the call — "Your connection is weak —
 * your video is paused to keep the sound clear", "Client's connection is weak", "Reconnecting…" —
 * derived from the snapshot (`useConnectionNotice`). A polite `role="status"` region that stays
 * mounted (empty while all is well) so the change is announced; `data-state` is
 * `none | reconnecting | weak-self | weak-remote`, `data-video` `paused | sending`.
 *
 * @example
 * <ConnectionNotice className="my-banner" />
 */
export const ConnectionNotice = forwardRef<HTMLDivElement, ConnectionNoticeProps>(function ConnectionNotice({ className, ...rest }, ref) {
  const notice = useConnectionNotice();
  const m = useMessages();
  const text = connectionNoticeText(notice, m);
  return (
    <div
      ref={ref}
      role="status"
      data-state={notice.state}
      data-video={notice.videoPaused ? 'paused' : 'sending'}
      {...rest}
      className={cx('mm-notice', className)}
    >
      {text ? (
        <>
          <Icon name={notice.state === 'reconnecting' ? 'reconnect' : 'weakSignal'} className="mm-link-icon" />
          <span className="mm-notice__text">{text}</span>
        </>
      ) : null}
    </div>
  );
});
