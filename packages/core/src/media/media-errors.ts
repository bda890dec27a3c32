import { MeetingError } from '../errors/meeting-error';
import { isSecureContextNow } from '../env/globals';

/**
 * Turn a `getUserMedia` / `getDisplayMedia` failure into a typed `MeetingError`, so the UI can
 * show the matching hint (permission, busy device, missing device, https needed…).
 */
export function toMediaError(error: unknown): MeetingError {
  if (error instanceof MeetingError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  const constraint = (error as { constraint?: string } | null)?.constraint;
  const options = { cause: error };
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      return new MeetingError('permission-denied', undefined, options);
    case 'SecurityError':
      return new MeetingError(isSecureContextNow() ? 'permission-denied' : 'insecure-context', undefined, options);
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return new MeetingError('device-in-use', undefined, options);
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return new MeetingError('device-not-found', undefined, options);
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return constraint === 'deviceId'
        ? new MeetingError('device-not-found', undefined, options)
        : new MeetingError('constraints-not-satisfiable', undefined, options);
    default:
      return new MeetingError('media-failed', undefined, options);
  }
}

/** A `MeetingError` for whatever a track processor threw (`media-failed` unless it already is one). */
export function toEffectError(cause: unknown, message: string): MeetingError {
  return cause instanceof MeetingError ? cause : new MeetingError('media-failed', `${message}: ${String((cause as Error)?.message ?? cause)}`, { cause });
}

/** The error for a browser without `navigator.mediaDevices`: http page or no WebRTC at all. */
export function missingMediaDevicesError(): MeetingError {
  return new MeetingError(isSecureContextNow() ? 'unsupported-browser' : 'insecure-context');
}
