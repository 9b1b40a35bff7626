// The HTTP contract of /api/v1/shifts: desk shifts and their handovers.
import { z } from 'zod';
import { isoTime, itemsOf } from './common.ts';

export const shiftResponse = z.strictObject({
  id: z.string(),
  started_by: z.string(),
  started_at: isoTime,
  notes: z.string().nullable(),
  handed_over_at: isoTime.nullable(),
  handed_over_by: z.string().nullable(),
  handed_to: z.string().nullable(),
  handover: z
    .strictObject({
      notes: z.string(),
      open_items: z.array(z.strictObject({ ref: z.string(), note: z.string() })),
      /** The violation queue as it stood at the handover. */
      queue: z.strictObject({
        flagged: z.number().int().nonnegative(),
        under_review: z.number().int().nonnegative(),
        violation_ids: z.array(z.string()),
      }),
    })
    .nullable(),
});
export const shiftsResponse = itemsOf(shiftResponse);

export const shiftsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const startShiftBody = z.object({ notes: z.string().trim().max(20_000).optional() });
export const handoverBody = z.object({
  notes: z.string().trim().min(1, 'must not be empty').max(20_000),
  open_items: z
    .array(z.object({ ref: z.string().trim().min(1).max(500), note: z.string().trim().max(5000) }))
    .max(500)
    .default([]),
  handed_to: z.string().max(40).optional(),
});
