/**
 * Where the server and the Redis scale-out report what they notice: pino's `(fields, message)`
 * shape, so a pino (or bunyan-style) logger fits as is.
 *
 * @example
 * ```ts
 * import pino from 'pino';
 * attachMeetings(server, { auth, logger: pino() });
 * ```
 */
export interface MeetingsLogger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

const noop = (): void => undefined;

/** A logger that drops everything (the default of `attachMeetings`). */
export const silentLogger: MeetingsLogger = { debug: noop, info: noop, warn: noop, error: noop };

const line = (fields: object, message: string | undefined): string => `[meetings] ${message ?? ''} ${JSON.stringify(fields)}`;

/**
 * One line per entry on the console: information on stdout, warnings and errors on stderr,
 * `debug` dropped. The default of the CLI and of the Redis scale-out (whose losses must never
 * go unnoticed).
 */
export const consoleLogger: MeetingsLogger = {
  debug: noop,
  info: (fields, message) => console.log(line(fields, message)),
  warn: (fields, message) => console.warn(line(fields, message)),
  error: (fields, message) => console.error(line(fields, message)),
};
