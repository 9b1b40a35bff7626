// The HTTP contract of /api/v1/stream, the live feed (server-sent events; the events' payloads are
// the journal's): where to resume when the browser's EventSource cannot send Last-Event-ID.
import { z } from 'zod';

export const streamQuery = z.object({ last_event_id: z.coerce.number().int().min(0).optional() });
