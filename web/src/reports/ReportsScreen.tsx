// Reports (the cell's staff): the daily situation report for a chosen day — shown here as the
// same self-contained HTML the server sends to the parties, every figure linked to its rows — and
// downloads as PDF (printed by Chromium on the server), Markdown for e-mail, or JSON.
import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorText } from '../components.tsx';
import {
  filenameOf,
  NO_CHOICES,
  reportUrl,
  type ReportChoices,
  type ReportFormat,
} from './reportUrl.ts';
import { useReportFetch } from './useReportFetch.ts';
import './reports.css';

const DOWNLOADS: { format: ReportFormat; label: string }[] = [
  { format: 'pdf', label: 'PDF' },
  { format: 'md', label: 'Markdown (e-mail)' },
  { format: 'json', label: 'Figures (JSON)' },
];

function Field(props: {
  id: keyof ReportChoices;
  label: string;
  hint: string;
  children: ReactNode;
}) {
  return (
    <div className="report-field">
      <label htmlFor={`report-${props.id}`}>{props.label}</label>
      {props.children}
      <span className="hint" id={`report-${props.id}-hint`}>
        {props.hint}
      </span>
    </div>
  );
}

export function ReportsScreen(props: { params: URLSearchParams }) {
  const [choices, setChoices] = useState<ReportChoices>(() => ({
    ...NO_CHOICES,
    date: props.params.get('date') ?? '',
  }));
  const [html, setHtml] = useState<string | null>(null);
  const [shownFor, setShownFor] = useState<string | null>(null);
  const fetcher = useReportFetch();
  const set = (k: keyof ReportChoices) => (e: { target: { value: string } }) =>
    setChoices((c) => ({ ...c, [k]: e.target.value }));

  const show = async (e?: FormEvent) => {
    e?.preventDefault();
    const res = await fetcher.run('Counting and laying out the report', reportUrl(choices, 'html'));
    if (!res) return;
    setHtml(await res.text());
    setShownFor(filenameOf(res, choices, 'html'));
  };

  const download = async (format: ReportFormat) => {
    const label = format === 'pdf' ? 'Printing the PDF' : 'Preparing the file';
    const res = await fetcher.run(label, reportUrl(choices, format));
    if (!res) return;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = filenameOf(res, choices, format);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <main className="reports-screen" data-testid="reports-screen">
      <aside className="reports-side">
        <h2>Daily report</h2>
        <form onSubmit={(e) => void show(e)} aria-describedby="report-about">
          <p className="hint" id="report-about">
            The 24 hours up to the cut-off, against the 24 hours before; empty fields use the
            server's settings.
          </p>
          <Field
            id="date"
            label="Report day"
            hint="Its cut-off ends the period (default: the last complete day)."
          >
            <input
              id="report-date"
              type="date"
              value={choices.date}
              onChange={set('date')}
              aria-describedby="report-date-hint"
              data-testid="report-date"
            />
          </Field>
          <Field id="cutoff" label="Cut-off (local time)" hint="e.g. 19:30">
            <input
              id="report-cutoff"
              type="time"
              value={choices.cutoff}
              onChange={set('cutoff')}
              aria-describedby="report-cutoff-hint"
              data-testid="report-cutoff"
            />
          </Field>
          <Field id="tz" label="Time zone" hint="IANA name, e.g. Asia/Damascus">
            <input
              id="report-tz"
              value={choices.tz}
              onChange={set('tz')}
              list="report-zones"
              aria-describedby="report-tz-hint"
              data-testid="report-tz"
            />
            <datalist id="report-zones">
              {['Asia/Damascus', 'Europe/Kyiv', 'UTC', 'Europe/Geneva', 'Asia/Beirut'].map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </Field>
          <Field
            id="days"
            label="Rolling window (days)"
            hint="The “last N days” figures; 7 days are always given."
          >
            <input
              id="report-days"
              type="number"
              min={1}
              max={90}
              value={choices.days}
              onChange={set('days')}
              aria-describedby="report-days-hint"
              data-testid="report-days"
            />
          </Field>
          <button type="submit" disabled={fetcher.busy !== null} data-testid="report-show">
            Show the report
          </button>
        </form>
        <h3>Download</h3>
        <ul className="report-downloads">
          {DOWNLOADS.map((d) => (
            <li key={d.format}>
              <button
                type="button"
                className="secondary"
                disabled={fetcher.busy !== null}
                onClick={() => void download(d.format)}
                data-testid={`report-download-${d.format}`}
              >
                {d.label}
              </button>
            </li>
          ))}
        </ul>
        {fetcher.busy && (
          <div className="report-progress" role="status" data-testid="report-progress">
            <progress aria-label={fetcher.busy} />
            <span>
              {fetcher.busy}… {fetcher.elapsed > 0 ? `${fetcher.elapsed} s` : ''}
            </span>
          </div>
        )}
        <ErrorText error={fetcher.error} testId="report-error" />
      </aside>
      <section className="reports-main">
        {html ? (
          <iframe
            title={`Daily report ${shownFor ?? ''}`}
            srcDoc={html}
            sandbox="allow-same-origin allow-popups"
            data-testid="report-frame"
          />
        ) : (
          <p className="hint">
            Choose a day and show its report: headline figures against the day before, early
            warnings first, per agreement and zone, per party, per area over 7 and N days, the
            30-day series, the map, disputed claims, and the appendix every figure links to.
          </p>
        )}
      </section>
    </main>
  );
}
