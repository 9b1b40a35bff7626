// What every incident reader yields (ACLED, UCDP, HXL CSV, GeoJSON), one per input row: the
// normalised draft with its reports, or why the row was rejected. src/app/incidents.ts writes them.
import type { IncidentDraft } from '../domain/types.ts';
import type { ReportDraft } from '../domain/report.ts';

/** One row of an import: a normalised draft, or why the row was rejected. */
export type ImportRow =
  | {
      row: number;
      draft: IncidentDraft;
      /** content hash, when the reader computed it */ hash?: string;
      /** The sources' accounts the row carries (ACLED: one per listed source). */
      reports?: ReportDraft[];
    }
  | { row: number; error: { field: string; message: string } };
