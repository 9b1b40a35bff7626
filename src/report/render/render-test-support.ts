// Reports for the renderers' tests, made by the numbers layer itself (dailyFigures) from the
// hand-counted scenario of daily-test-support.ts, with what a renderer must cope with added:
// incidents spread over distinct zones, user text that is markup (a source named <script>, a
// zone named <svg onload=…>, an agreement title with a pipe and quotes), a URL as a source's
// reference, and two incidents in the previous period that make a negative change.
import type { Polygon } from 'geojson';
import { dailyFigures } from '../daily/daily-figures.ts';
import { at, incidentRow, scenarioRows, violationRow } from '../daily/daily-test-support.ts';
import { reportPeriods } from '../daily/report-period.ts';
import { DEFAULT_REPORT_SETTINGS } from '../daily/report-settings.ts';
import type { DailyReport, ReportRows } from '../daily/report-types.ts';

export const SCRIPT_SOURCE = '<script>alert("sohr")</script> & Co';
export const SVG_ZONE = 'Idlib <svg onload=alert(1)>';
export const PIPE_TITLE = 'Damascus | "Eastern" truce';
export const REFERENCE_URL = 'https://example.org/report?id=7&lang=<en>';

const square = (x: number, y: number, w: number, h: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]],
}); // prettier-ignore

const ZONES: Record<string, Polygon> = {
  east: square(36.2, 33.2, 0.7, 0.5),
  carve: square(36.5, 33.3, 0.15, 0.12),
  idlib: square(36.0, 33.0, 0.5, 0.4),
};

function renderRows(): ReportRows {
  const rows = scenarioRows();
  rows.incidents.forEach((i, k) => {
    i.lon = 36.1 + (k % 5) * 0.17;
    i.lat = 33.1 + Math.floor(k / 5) * 0.25;
  });
  rows.incidents.push(
    incidentRow('i-vac1', '2018-02-16T06:00:00Z', { area: 'Aleppo', type: 'Violence against civilians', killed: [0, 0, 0] }), // prettier-ignore
    incidentRow('i-vac2', '2018-02-16T07:00:00Z', { area: 'Aleppo', type: 'Violence against civilians', killed: [0, 0, 0] }), // prettier-ignore
  );
  for (const v of rows.versions)
    for (const z of v.zones) {
      const g = ZONES[z.key]!;
      const [sw, , ne] = g.coordinates[0]!;
      z.geometry = g;
      z.bbox = [sw![0]!, sw![1]!, ne![0]!, ne![1]!];
      if (z.key === 'idlib') z.name = SVG_ZONE;
    }
  rows.sources = rows.sources.map((s) => (s.id === 'sohr' ? { ...s, name: SCRIPT_SOURCE } : s));
  rows.reports = rows.reports.map((r) =>
    r.id === 'r-cut-sohr' ? { ...r, reference: REFERENCE_URL } : r,
  );
  rows.agreements = rows.agreements.map((a) => (a.id === 'coh' ? { ...a, title: PIPE_TITLE } : a));
  return rows;
}

/** The report of 17 February 2018 (Asia/Damascus, cut-off 19:30). */
export function renderFixture(): DailyReport {
  return dailyFigures(renderRows(), reportPeriods('2018-02-17', DEFAULT_REPORT_SETTINGS), {
    generatedAt: at('2018-02-17T18:00:00Z'),
    earlyWarning: DEFAULT_REPORT_SETTINGS.earlyWarning,
  });
}

/** A quiet day: no incidents at all, the agreements and their zones as in the scenario. */
export function quietReport(): DailyReport {
  const rows = { ...renderRows(), incidents: [], violations: [], reports: [], merges: [], notices: [] }; // prettier-ignore
  return dailyFigures(rows, reportPeriods('2018-02-17', DEFAULT_REPORT_SETTINGS), {
    generatedAt: at('2018-02-17T18:00:00Z'),
    earlyWarning: DEFAULT_REPORT_SETTINGS.earlyWarning,
  });
}

/**
 * A busy day: `count` incidents in the period (and as many over the days before), across five
 * areas, half of them violations, for checking that the output grows linearly with the rows.
 */
export function busyReport(count: number): DailyReport {
  const rows = scenarioRows();
  const areas = ['Aleppo', 'Idlib', 'Hama', 'Homs', 'Rural Damascus'];
  const start = at('2018-02-16T17:30:00Z');
  rows.incidents = [];
  rows.violations = [];
  rows.reports = [];
  rows.merges = [];
  for (let k = 0; k < 2 * count; k++) {
    const id = `0190b5c2-7e1a-7000-8000-${String(k).padStart(12, '0')}`;
    // The first `count` over the 20 days before the period, the rest in it.
    const t = k < count ? start - 86_400_000 * (1 + (k % 20)) + k * 1000 : start + (k - count) * 40_000; // prettier-ignore
    const row = incidentRow(id, new Date(t).toISOString(), {
      area: areas[k % areas.length]!,
      killed: [k % 3, k % 4, (k % 5) + (k % 4)],
    });
    row.lon = 36 + ((k * 37) % 100) / 100;
    row.lat = 33 + ((k * 61) % 100) / 100;
    rows.incidents.push(row);
    if (k % 2 === 0) rows.violations.push(violationRow(id, k % 4 === 0 ? 'coh' : 'north', 'certain', 'confirmed')); // prettier-ignore
  }
  return dailyFigures(rows, reportPeriods('2018-02-17', DEFAULT_REPORT_SETTINGS), {
    generatedAt: at('2018-02-17T18:00:00Z'),
    earlyWarning: DEFAULT_REPORT_SETTINGS.earlyWarning,
  });
}
