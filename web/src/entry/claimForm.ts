// A news claim as a filled-in incident form: the server's own mapping (src/domain/claim-outcomes.ts,
// pure and bundled into the app) gives the incident the claim would make, and that incident is put
// into the form's fields for the monitor to check, correct and save.
import {
  givesIncident,
  incidentValueOf,
  type IncidentClaimLike,
} from '../../../src/domain/claim-outcomes.ts';
import { toInputValue } from '../time.ts';
import type { ArticleJson, Claim, Source } from './entryTypes.ts';
import {
  blankForm,
  blankReport,
  OTHER_SOURCE,
  type IncidentForm,
  type RangeForm,
  type ReportForm,
} from './incidentForm.ts';

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

const nameKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** The registry entry a name or alias stands for (as the server resolves names), if any. */
export function sourceByName(name: string, sources: readonly Source[]): Source | undefined {
  const key = nameKey(name);
  return sources.find((s) => [s.name, ...s.aliases].some((n) => nameKey(n) === key));
}

function range(v: unknown): RangeForm {
  const r = (v ?? {}) as { low?: unknown; best?: unknown; high?: unknown };
  return { low: str(r.low), best: str(r.best), high: str(r.high) };
}

function reportForm(v: Record<string, unknown>, sources: readonly Source[]): ReportForm {
  const name = str(v.source);
  const known = name ? sourceByName(name, sources) : undefined;
  return {
    ...blankReport(),
    sourceId: known ? known.id : name ? OTHER_SOURCE : '',
    otherName: known ? '' : name,
    reference: str(v.reference),
    text: str(v.text),
    killed: range(v.killed),
    injured: range(v.injured),
  };
}

const utcInput = (isoValue: unknown) =>
  typeof isoValue === 'string' && Number.isFinite(Date.parse(isoValue))
    ? toInputValue(Date.parse(isoValue))
    : '';

/** The form for an incident or casualties claim of `article`. */
export function formFromClaim(
  claim: IncidentClaimLike,
  article: ArticleJson,
  sources: readonly Source[],
): IncidentForm {
  const v = incidentValueOf(claim, {
    published: article.published,
    reference: article.reference,
    publisher: article.publisher,
    agency: article.agency,
  });
  const form = blankForm();
  form.eventType = str(v.event_type);
  form.subEventType = str(v.sub_event_type);
  if (v.occurred_from !== undefined) {
    form.timeMode = 'interval';
    form.occurredFrom = utcInput(v.occurred_from);
    form.occurredUntil = utcInput(v.occurred_until);
  } else {
    form.timeMode = 'day';
    form.occurredOn = str(v.occurred_on);
    form.timePrecision = v.time_precision === 2 ? '2' : v.time_precision === 3 ? '3' : '1';
  }
  form.lon = str(v.lon);
  form.lat = str(v.lat);
  form.uncertaintyM = str(v.uncertainty_m ?? 0);
  form.location = str(v.location);
  form.actor1 = str(v.actor1);
  form.fatalities = str(v.fatalities);
  form.notes = str(v.notes);
  const reports = Array.isArray(v.reports) ? (v.reports as Record<string, unknown>[]) : [];
  form.reports = reports.length ? reports.map((r) => reportForm(r, sources)) : [blankReport()];
  return form;
}

/** Whether a claim can become an incident (casualties and incident claims). */
export const canBecomeIncident = (c: Claim): c is IncidentClaimLike => givesIncident(c);
