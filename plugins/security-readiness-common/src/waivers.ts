import type { Waiver, WaiverStatus } from './types';

/**
 * The status of a waiver at an instant: a granted or requested waiver past
 * its expiry is `expired`, whatever is stored.
 *
 * @public
 */
export function waiverStatusAt(waiver: Waiver, now: Date): WaiverStatus {
  if (
    (waiver.status === 'granted' || waiver.status === 'requested') &&
    !(Date.parse(waiver.expiresAt) > now.getTime())
  ) {
    return 'expired';
  }
  return waiver.status;
}

/** Whether a waiver takes its check out of the score now. @public */
export function isWaiverActive(waiver: Waiver, now: Date): boolean {
  return waiverStatusAt(waiver, now) === 'granted';
}
