// The daily report's address for a set of choices; empty choices are left to the server's
// configuration (the last complete reporting day, the configured cut-off, zone and window).
export type ReportFormat = 'html' | 'pdf' | 'md' | 'json';

export interface ReportChoices {
  date: string;
  cutoff: string;
  tz: string;
  days: string;
}

export const NO_CHOICES: ReportChoices = { date: '', cutoff: '', tz: '', days: '' };

export function reportUrl(c: ReportChoices, format: ReportFormat): string {
  const q = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(c)) if (v.trim()) q.set(k, v.trim());
  return `/api/v1/reports/daily?${q.toString()}`;
}

/** What the server calls the file (content-disposition), or a name made from the choices. */
export function filenameOf(res: Response, c: ReportChoices, format: ReportFormat): string {
  const m = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  return m?.[1] ?? `truceline-daily-${c.date || 'latest'}.${format}`;
}
