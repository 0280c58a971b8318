import { z } from 'zod';

export const NotificationSchema = z.strictObject({
  id: z.string(),
  at: z.number(),
  level: z.enum(['info', 'success', 'warning', 'error']),
  /** What the notification is about, so the renderer can decide what to raise (desktop alert, banner). */
  kind: z.enum(['action', 'state', 'alert', 'forgotten-channel', 'credentials']),
  /** Short, in an operator's words: "YouTube is ON AIR". */
  title: z.string().max(200),
  /** The detail, with AWS's reason where there is one. */
  message: z.string().max(2000),
  destinationId: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;
