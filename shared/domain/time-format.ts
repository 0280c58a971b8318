import { format, isSameDay } from 'date-fns';

/**
 * One way to write a time of day everywhere the console shows one: 24-hour with seconds, as broadcast clocks
 * read ("18:40:07"). Another day's time carries its date ("30 Nov 18:40:07") so a stale time is never read as today's.
 */
export function clockTime(epochMs: number, now?: number): string {
  if (now !== undefined && !isSameDay(epochMs, now)) return format(epochMs, 'd MMM HH:mm:ss');
  return format(epochMs, 'HH:mm:ss');
}
