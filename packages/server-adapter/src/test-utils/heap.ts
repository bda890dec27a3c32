import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/** Node's `gc()`, whether or not the process was started with `--expose-gc`. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    // A fresh context picks up the flag and hands out its `gc`, which collects the whole isolate.
    gc = runInNewContext('gc') as () => void;
  }
  return gc;
}

/**
 * The heap in use after full collections, in bytes: collects, lets pending callbacks and
 * finalizers run, and repeats until the figure stops falling (at most `rounds` times).
 */
export async function settledHeapUsed(rounds = 6): Promise<number> {
  const collect = collector();
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i += 1) {
    collect();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const used = process.memoryUsage().heapUsed;
    if (used >= last - 64 * 1024) return Math.min(used, last);
    last = used;
  }
  return last;
}
