/**
 * Where the scale-out parts report what they notice. pino's logger fits as is
 * (`fields` first, `message` second); the default writes warnings to `console.warn`.
 */
export interface ScaleOutLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/** The default: warnings on `console.warn`, information dropped. */
export const consoleLogger: ScaleOutLogger = {
  info: () => undefined,
  warn: (fields, message) => console.warn(`[mentara-meetings] ${message}`, fields),
};
