// An ExtractedArticle for a person at a terminal (`truceline extract --format text`): what was
// found, each claim numbered by its index (the IDX of `truceline articles accept`) with its key
// fields, confidence and the sentence it came from. Pure.
import { countText } from '../../domain/count-range-text.ts';
import type {
  Claim,
  EntityMention,
  ExtractedArticle,
  Period,
} from '../../domain/news-extraction.ts';
import type { PlaceRef } from '../../domain/place-ref.ts';

export interface FormatOptions {
  /** A word shown after a claim's kind (its review state: `pending`, `accepted → incident …`). */
  claimState?: (idx: number) => string | null;
}

/** `2018-02-09 → 2018-02-18 (over the last nine days)`; the end day is exclusive. */
export function periodText(p: Period): string {
  return `${p.from} → ${p.until} (${p.expression})`;
}

export function placeText(p: PlaceRef): string {
  const km = p.radius_m >= 1000 ? `${Math.round(p.radius_m / 100) / 10} km` : `${p.radius_m} m`;
  const code = p.code ? ` ${p.code}` : '';
  const known = p.gazetteer_name && p.gazetteer_name !== p.name ? ` = ${p.gazetteer_name}` : '';
  return `${p.name}${known} (lat ${p.lat.toFixed(4)}, lon ${p.lon.toFixed(4)} ± ${km}; ${p.source}${code})`;
}

/** The fields that matter for each kind of claim, `key: value` joined by ` · `. */
function claimFields(c: Claim): string[] {
  const f: (string | null)[] = [];
  const place = (p: PlaceRef | null) => (p ? `place: ${placeText(p)}` : null);
  const period = (p: Period | null) => (p ? `period: ${periodText(p)}` : null);
  switch (c.kind) {
    case 'casualties':
      f.push(`${c.measure}: ${countText(c.count)}`);
      if (c.who.length) f.push(`who: ${c.who.join(', ')}`);
      if (c.cause.length) f.push(`cause: ${c.cause.join(', ')}`);
      f.push(place(c.place), period(c.period));
      break;
    case 'incident':
      f.push(`${c.event_type}${c.sub_event_type ? ` / ${c.sub_event_type}` : ''}`);
      f.push(place(c.place), period(c.period));
      if (c.fatalities !== null) f.push(`fatalities: ${c.fatalities}`);
      if (c.actor) f.push(`actor: ${c.actor}`);
      if (c.target) f.push(`target: ${c.target}`);
      break;
    case 'truce_extension':
      f.push(`area: ${c.area}`);
      if (c.duration_hours !== null) f.push(`by ${c.duration_hours} h`);
      if (c.new_end) f.push(`until ${c.new_end}`);
      if (c.places.length) f.push(`places: ${c.places.map((p) => p.name).join(', ')}`);
      if (c.announced_by) f.push(`announced by: ${c.announced_by}`);
      break;
    case 'truce_exclusion':
      f.push(place(c.place));
      if (c.group) f.push(`group: ${c.group}`);
      break;
    case 'violation_count':
      f.push(`count: ${c.count}`, period(c.period));
      if (c.by_area.length)
        f.push(`by area: ${c.by_area.map((a) => `${a.area} ${a.count}`).join(', ')}`);
      if (c.counted_by) f.push(`counted by: ${c.counted_by}`);
      break;
    case 'proposal':
      f.push(`status: ${c.status}`, `summary: ${c.summary}`);
      if (c.addressees) f.push(`to: ${c.addressees}`);
      break;
    case 'agreement_status':
      f.push(`agreement: ${c.agreement}`, `status: ${c.status}`, period(c.period));
      break;
  }
  if (c.source) f.push(`source: ${c.source}`);
  return f.filter((x): x is string => x !== null);
}

function entities(heading: string, list: readonly EntityMention[]): string[] {
  if (list.length === 0) return [`${heading}: none`];
  return [
    `${heading} (${list.length}):`,
    ...list.map((e) => `  ${e.name}${e.role ? ` — ${e.role}` : ''}`),
  ];
}

export function formatArticleText(article: ExtractedArticle, options: FormatOptions = {}): string {
  const lines: string[] = [
    `Title:     ${article.title ?? '(none found)'}`,
    `Published: ${article.published ?? '(unknown)'}`,
    `Agency:    ${article.agency ?? '(none)'}`,
  ];
  const reasons = new Map<string, number>();
  for (const r of article.removed) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
  lines.push(
    `Removed:   ${article.removed.length} line(s)` +
      (reasons.size ? ` (${[...reasons].map(([r, n]) => `${n} ${r}`).join(', ')})` : ''),
  );
  lines.push('');
  if (article.places.length === 0) lines.push('Places: none');
  else {
    lines.push(`Places (${article.places.length}):`);
    for (const p of article.places) {
      const other = p.aliases.filter((a) => a !== p.name);
      lines.push(`  ${placeText(p)}${other.length ? ` — also ${other.join(', ')}` : ''}`);
    }
  }
  lines.push(...entities('People', article.people));
  lines.push(...entities('Organisations', article.organizations));
  lines.push('');
  lines.push(article.claims.length ? `Claims (${article.claims.length}):` : 'Claims: none');
  article.claims.forEach((c, idx) => {
    const state = options.claimState?.(idx);
    lines.push(
      `  #${idx} ${c.kind}${state ? ` [${state}]` : ''} (confidence ${c.confidence.toFixed(2)})`,
    );
    for (const field of claimFields(c)) lines.push(`     ${field}`);
    lines.push(`     “${c.quote}”`);
  });
  if (article.warnings.length) {
    lines.push('', 'Warnings:');
    for (const w of article.warnings) lines.push(`  ${w}`);
  }
  return lines.join('\n') + '\n';
}
