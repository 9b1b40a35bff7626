// Reports and sources (DESIGN.md §3): one source's account of an incident, graded on the Admiralty
// scale (source reliability A–F, information credibility 1–6); how casualties of several reports
// combine into the incident's low / best / high; when an incident counts as corroborated. No I/O.

export const SOURCE_KINDS = [
  'monitoring_ngo',
  'state_media',
  'wire_service',
  'news_media',
  'party',
  'own_monitors',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY_GRADES)[number];
/** Admiralty information credibility: 1 confirmed … 5 improbable, 6 cannot be judged. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

export interface CasualtyCount {
  low: number | null;
  best: number | null;
  high: number | null;
}

export const NO_COUNT: CasualtyCount = { low: null, best: null, high: null };

/** A report as an intake path reads it, before its source is resolved against the registry. */
export interface ReportDraft {
  /** The source's name or alias as written (e.g. `SOHR`). */
  source: string;
  /** URL or reference of the account (article, bulletin, message id). */
  reference: string | null;
  receivedAt: number | null;
  text: string | null;
  credibility: Credibility | null;
  killed: CasualtyCount;
  injured: CasualtyCount;
  civiliansKilled: number | null;
  combatantsKilled: number | null;
}

export function reportDraft(source: string, over: Partial<ReportDraft> = {}): ReportDraft {
  return {
    source,
    reference: null,
    receivedAt: null,
    text: null,
    credibility: null,
    killed: NO_COUNT,
    injured: NO_COUNT,
    civiliansKilled: null,
    combatantsKilled: null,
    ...over,
  };
}

/** `SHAAM; SOHR`, `Reuters, AFP` or `A and B` → the source names, trimmed, without repeats. */
export function splitSourceList(text: string | null | undefined): string[] {
  if (!text) return [];
  const names = text
    .split(/\s*[;|]\s*|\s*,\s*|\s+and\s+/i)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return [...new Set(names)];
}

/** What the combination rules need to know of each report. */
export interface GradedReport {
  sourceId: string;
  /** Sources with the same affiliation (a party and its media) are not independent. */
  affiliation: string | null;
  reliability: Reliability | null;
  credibility: Credibility | null;
  killed: CasualtyCount;
  injured: CasualtyCount;
  civiliansKilled: number | null;
  combatantsKilled: number | null;
}

/** Reliability A–C and credibility 1–3 (or not stated): a report the cell relies on. */
export function isCredible(r: Pick<GradedReport, 'reliability' | 'credibility'>): boolean {
  const reliable = r.reliability !== null && 'ABC'.includes(r.reliability);
  return reliable && (r.credibility === null || r.credibility <= 3);
}

export interface CombinedCasualties {
  killed: CasualtyCount;
  injured: CasualtyCount;
  civiliansKilled: number | null;
  combatantsKilled: number | null;
  /** Whether the figures rest on credible reports (else on all of them). */
  fromCredible: boolean;
}

/** A report's figures with missing ends filled: best from low/high, high from best/low. */
const ends = (c: CasualtyCount) => ({
  low: c.low,
  best: c.best ?? c.low ?? c.high,
  high: c.high ?? c.best ?? c.low,
});
const maxOf = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? Math.max(...v) : null;
};
function median(xs: (number | null)[]): number | null {
  const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : Math.round((v[m - 1]! + v[m]!) / 2);
}

function combineCounts(
  base: readonly CasualtyCount[],
  all: readonly CasualtyCount[],
): CasualtyCount {
  const b = base.map(ends);
  // A report's stated low is vouched for; a lone figure is a best, not a minimum.
  const bests = b.map((c) => c.best).filter((x): x is number => x !== null);
  const low = maxOf(b.map((c) => c.low)) ?? (bests.length ? Math.min(...bests) : null);
  const median_ = median(bests);
  const best = median_ === null ? null : Math.max(median_, low ?? 0);
  const high = maxOf([...all.map(ends).map((c) => c.high), best]);
  return { low, best, high: high === null ? null : Math.max(high, low ?? 0) };
}

const hasFigure = (c: CasualtyCount) => c.low !== null || c.best !== null || c.high !== null;

/** The base of one measure: credible reports that give it, else every report that gives it. */
function measureBase(
  reports: readonly GradedReport[],
  pick: (r: GradedReport) => CasualtyCount,
): { base: CasualtyCount[]; all: CasualtyCount[]; credible: boolean } {
  const giving = reports.filter((r) => hasFigure(pick(r)));
  const credible = giving.filter(isCredible);
  const base = credible.length > 0 ? credible : giving;
  return { base: base.map(pick), all: giving.map(pick), credible: credible.length > 0 };
}

/**
 * The documented rule (docs/INTAKE.md), for each measure over the credible reports that give it
 * (reliability A–C, credibility 1–3), or over every report that gives it when none is credible —
 * low = the largest low a report states (when none states one, the smallest best);
 * best = the median of the best figures (one outlier does not move it), never below low;
 * high = the largest high of *any* report (the cell must see the worst claim), never below low.
 * A report's missing end falls back to its other figures. Civilians and combatants: the largest
 * figure of the same base.
 */
export function combineCasualties(reports: readonly GradedReport[]): CombinedCasualties {
  const killed = measureBase(reports, (r) => r.killed);
  const injured = measureBase(reports, (r) => r.injured);
  const count = (pick: (r: GradedReport) => number | null) => {
    const giving = reports.filter((r) => pick(r) !== null);
    const credible = giving.filter(isCredible);
    return maxOf((credible.length > 0 ? credible : giving).map(pick));
  };
  return {
    killed: combineCounts(killed.base, killed.all),
    injured: combineCounts(injured.base, injured.all),
    civiliansKilled: count((r) => r.civiliansKilled),
    combatantsKilled: count((r) => r.combatantsKilled),
    fromCredible: killed.credible,
  };
}

/**
 * Corroborated: reported by at least two independent sources graded C or better. Sources are
 * independent when they are different registry entries with different affiliations (a party and
 * its own media count once).
 */
export function isCorroborated(reports: readonly GradedReport[]): boolean {
  const voices = new Set<string>();
  for (const r of reports)
    if (r.reliability !== null && 'ABC'.includes(r.reliability))
      voices.add(r.affiliation ?? `source:${r.sourceId}`);
  return voices.size >= 2;
}

/** A source in the registry. Names and aliases resolve case-insensitively to it. */
export interface Source {
  id: string;
  name: string;
  aliases: string[];
  kind: SourceKind;
  /** Default reliability of this source's reports. */
  reliability: Reliability;
  /** Who the source speaks for (a party id, a media group): same affiliation = not independent. */
  affiliation: string | null;
  notes: string | null;
  /** Registered automatically from an import that named an unknown source (grade F until reviewed). */
  auto: boolean;
  createdAt: number;
}

export interface Report extends ReportDraft {
  id: string;
  incidentId: string;
  sourceId: string;
  /**
   * `record`: came with the incident's own record (an import row, the incident body) and is
   * replaced when that record changes; `added`: added on its own afterwards, kept.
   */
  origin: 'record' | 'added';
  createdAt: number;
}

/** An incident's figures as combined from its reports (stored with the incident, recomputed on change). */
export interface IncidentAssessment {
  killed: CasualtyCount;
  injured: CasualtyCount;
  civiliansKilled: number | null;
  combatantsKilled: number | null;
  corroborated: boolean;
  reportCount: number;
}

export const EMPTY_ASSESSMENT: IncidentAssessment = {
  killed: NO_COUNT,
  injured: NO_COUNT,
  civiliansKilled: null,
  combatantsKilled: null,
  corroborated: false,
  reportCount: 0,
};

export function assess(reports: readonly GradedReport[]): IncidentAssessment {
  const c = combineCasualties(reports);
  return {
    killed: c.killed,
    injured: c.injured,
    civiliansKilled: c.civiliansKilled,
    combatantsKilled: c.combatantsKilled,
    corroborated: isCorroborated(reports),
    reportCount: reports.length,
  };
}

/** A source id made from a name: `Syrian Observatory for Human Rights` → `syrian-observatory-for-human-rights`. */
export function sourceIdFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return slug || 'source';
}

/** The report drafts an API body or GeoJSON feature gives (validated by reportInputSchema). */
export function reportDraftsOf(
  inputs:
    | readonly {
        source: string;
        reference?: string | null | undefined;
        received_at?: string | null | undefined;
        text?: string | null | undefined;
        credibility?: number | null | undefined;
        killed?: Partial<CasualtyCount> | undefined;
        injured?: Partial<CasualtyCount> | undefined;
        civilians_killed?: number | null | undefined;
        combatants_killed?: number | null | undefined;
      }[]
    | undefined,
): ReportDraft[] | undefined {
  const count = (c: Partial<CasualtyCount> | undefined): CasualtyCount => ({
    low: c?.low ?? null,
    best: c?.best ?? null,
    high: c?.high ?? null,
  });
  return inputs?.map((r) => ({
    source: r.source,
    reference: r.reference ?? null,
    receivedAt: r.received_at ? Date.parse(r.received_at) : null,
    text: r.text ?? null,
    credibility: (r.credibility ?? null) as Credibility | null,
    killed: count(r.killed),
    injured: count(r.injured),
    civiliansKilled: r.civilians_killed ?? null,
    combatantsKilled: r.combatants_killed ?? null,
  }));
}

/** An analyst's merge of a duplicate into the incident that survives it (undo-able). */
export interface Merge {
  id: string;
  survivorId: string;
  mergedId: string;
  /** The duplicate's reports, moved to the survivor (moved back on undo). */
  reportIds: string[];
  score: number | null;
  note: string;
  mergedBy: string;
  mergedAt: number;
  undoneBy: string | null;
  undoneAt: number | null;
}
