/** The subset of a pino logger the server uses; pino, bunyan-style and console wrappers fit. */
export interface MeetingsLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const noop = (): void => undefined;

/** A logger that drops everything (the default). */
export const silentLogger: MeetingsLogger = { debug: noop, info: noop, warn: noop, error: noop };

/** A minimal console logger, one line per entry, for the CLI. `debug` is dropped. */
export const consoleLogger: MeetingsLogger = {
  debug: noop,
  info: (obj, msg) => console.log(`[meetings] ${msg ?? ''} ${JSON.stringify(obj)}`),
  warn: (obj, msg) => console.warn(`[meetings] ${msg ?? ''} ${JSON.stringify(obj)}`),
  error: (obj, msg) => console.error(`[meetings] ${msg ?? ''} ${JSON.stringify(obj)}`),
};
