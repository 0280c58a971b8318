import { z } from 'zod';

/**
 * How a destination goes live. cold: StartChannel / StopChannel (a start takes minutes on AWS). warm: the channel is
 * started ahead of time on its slate (standby) and the take switches the running channel to the live input.
 */
export const TakeModeSchema = z.enum(['cold', 'warm']);
export type TakeMode = z.infer<typeof TakeModeSchema>;

/**
 * Where a warm destination stands, from what AWS reports (the channel state and the attachment the pipeline ingests,
 * DescribeChannel PipelineDetails[].ActiveInputAttachmentName):
 * OFF: not running. STARTING_TO_STANDBY: started with its slate scheduled, not running yet. STANDBY: running on the
 * slate. SWITCHING: a switch was accepted and the pipeline does not report the new attachment yet. ON_AIR: running on
 * the live input. INPUT_UNCONFIRMED: a channel with a slate attached is running and the console has not yet read which
 * input it ingests (first seen running, before its DescribeChannel): neither STANDBY nor ON AIR, since
 * `inputUnconfirmedSince`.
 */
export const WarmPhaseSchema = z.enum([
  'OFF',
  'STARTING_TO_STANDBY',
  'STANDBY',
  'SWITCHING',
  'ON_AIR',
  'INPUT_UNCONFIRMED',
]);
export type WarmPhase = z.infer<typeof WarmPhaseSchema>;

/** What the tile shows of a destination's warm standby; absent for a destination that has never been read. */
export const WarmStatusSchema = z.strictObject({
  mode: TakeModeSchema,
  /** The channel has a live and a slate attachment: it can run warm. */
  capable: z.boolean(),
  /** Why it cannot run warm, in words; null when it can. */
  whyNot: z.string().nullable(),
  liveAttachment: z.string().nullable(),
  slateAttachment: z.string().nullable(),
  /** The attachment the running pipeline reported, or null when not running / not read. */
  activeAttachment: z.string().nullable(),
  /** Since when AWS has reported that attachment (epoch ms, the first read that saw it). */
  activeReadAt: z.number().nullable(),
  /**
   * Set while the active attachment cannot be confirmed (its reads fail, or one is on its way too long): the phase is
   * the last one read (STANDBY, ON_AIR, SWITCHING) and this is when it was last confirmed; in INPUT_UNCONFIRMED (none
   * read yet for this run), since when the channel has been seen running without it.
   */
  inputUnconfirmedSince: z.number().nullable(),
  phase: WarmPhaseSchema,
  /** While SWITCHING: to which input, since when (epoch ms). */
  switchingTo: z.enum(['live', 'slate']).nullable(),
  switchSince: z.number().nullable(),
  /** Since when the channel has been running on its slate (epoch ms), while in STANDBY. */
  standbySince: z.number().nullable(),
  /** What the running channel bills per hour ($), standby or on air alike. */
  standbyPerHour: z.number(),
  /** The channel shows the slate still when its live input is lost (GlobalConfiguration.InputLossBehavior SLATE). */
  inputLossSlate: z.boolean(),
  /** A STANDARD (two-pipeline) channel: AWS delays an immediate switch by 10 s. */
  standard: z.boolean(),
});
export type WarmStatus = z.infer<typeof WarmStatusSchema>;

/**
 * The slate attachment is recognised by its name: the stack names it `<destination>-slate` (the console reads the
 * channel's InputAttachments, which carry no input type). The live attachment is the first other one.
 */
const SLATE_ATTACHMENT_SUFFIX = '-slate';

export function slateAttachmentName(destinationId: string): string {
  return `${destinationId}${SLATE_ATTACHMENT_SUFFIX}`;
}

/** The live and slate attachments of a channel, or why it cannot run warm (in words). */
export function warmAttachments(
  names: readonly string[],
): { ok: true; live: string; slate: string } | { ok: false; live: string | null; why: string } {
  const slate = names.find((n) => n.endsWith(SLATE_ATTACHMENT_SUFFIX));
  const live = names.find((n) => !n.endsWith(SLATE_ATTACHMENT_SUFFIX)) ?? null;
  if (!live) return { ok: false, live: null, why: 'the channel has no live input attached' };
  if (!slate) {
    return {
      ok: false,
      live,
      why: 'the channel has no slate input attached (deployed before warm standby): it runs cold; update the stack to run it warm',
    };
  }
  return { ok: true, live, slate };
}
