import { useEffect, useState } from 'react';

/**
 * This device's clock (`Date.now()`), re-read once a second, on the second, while `active`.
 * The tick is a state of the component that calls this hook, never a write to the client's
 * store, so nothing else re-renders with it. Add `snapshot.clockOffsetMs` for the server's time.
 */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      // On the next whole second, so a countdown's digits change together and evenly.
      timer = setTimeout(tick, 1000 - (t % 1000) + 5);
    };
    tick();
    return () => clearTimeout(timer);
  }, [active]);
  return now;
}
