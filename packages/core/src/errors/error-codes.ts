import { PROTOCOL_ERROR_CODES } from '../protocol/errors';
import { CLIENT_ERROR_CODES, errorHint, MeetingError, type MeetingErrorCode } from './meeting-error';

/** One row of the error table: code, plain-language hint, whether retrying may help. */
export interface MeetingErrorCodeInfo {
  code: MeetingErrorCode;
  hint: string;
  recoverable: boolean;
  /** `wire`: sent by the server; `client`: raised in the browser. */
  origin: 'wire' | 'client';
}

/** Every error code the SDK can report, with its hint and recoverability (the README table is generated from this). */
export function meetingErrorCodes(): MeetingErrorCodeInfo[] {
  const row = (code: MeetingErrorCode, origin: 'wire' | 'client'): MeetingErrorCodeInfo => ({
    code,
    hint: errorHint(code),
    recoverable: new MeetingError(code).recoverable,
    origin,
  });
  return [
    ...(Object.keys(PROTOCOL_ERROR_CODES) as MeetingErrorCode[]).map((c) => row(c, 'wire')),
    ...(Object.keys(CLIENT_ERROR_CODES) as MeetingErrorCode[]).map((c) => row(c, 'client')),
  ];
}
