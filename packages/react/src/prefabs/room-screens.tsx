import { useEffect, useId, useRef } from 'react';
import { useMeetingError } from '../hooks/use-connection';
import { useMessages } from '../messages/messages-context';

/** What the screens around the call offer: come back in, and a way back to the app. */
export interface AfterCallProps {
  /** Join the same meeting again. Omitted where that is not possible (the meeting ended). */
  onRejoin?: () => void;
  /** Link back to the app (`homeHref` of `<MeetingRoom>`). */
  homeHref?: string;
}

/**
 * A calm full-room card: a heading that takes focus (so screen readers hear what happened), a
 * line of explanation, and the actions — Rejoin and Back to home. `data-state` names the screen.
 */
function RoomScreen({ state, title, body, onRejoin, homeHref }: AfterCallProps & { state: string; title: string; body?: string | null }) {
  const m = useMessages();
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="mm-room mm-room--screen" data-state={state}>
      <section className="mm-screen" aria-labelledby={titleId}>
        <h2 id={titleId} ref={heading} tabIndex={-1} className="mm-screen__title">
          {title}
        </h2>
        {body ? <p className="mm-screen__body">{body}</p> : null}
        <div className="mm-screen__actions">
          {onRejoin ? (
            <button type="button" className="mm-button" data-variant="primary" onClick={onRejoin}>
              {m.rejoin}
            </button>
          ) : null}
          {homeHref ? (
            <a className="mm-button" href={homeHref}>
              {m.backHome}
            </a>
          ) : null}
        </div>
      </section>
    </div>
  );
}

/** After pressing Leave: "You left the meeting." with Rejoin and Back to home. */
export function LeftScreen(props: AfterCallProps) {
  return <RoomScreen state="left" title={useMessages().leftTitle} {...props} />;
}

/** The meeting is over for everyone: no rejoin, only the way home. */
export function EndedScreen({ homeHref }: Pick<AfterCallProps, 'homeHref'>) {
  return <RoomScreen state="ended" title={useMessages().meetingEnded} homeHref={homeHref} />;
}

/**
 * The connection was lost for good, or joining was refused: what happened in plain words (the
 * error's hint: the server cannot be reached, the meeting is full…) and a Rejoin button.
 */
export function ConnectionLostScreen(props: AfterCallProps) {
  const m = useMessages();
  const error = useMeetingError();
  const body = error ? (m.errors[error.code] ?? error.hint) : null;
  return <RoomScreen state="failed" title={m.connectionLostTitle} body={body} {...props} />;
}
