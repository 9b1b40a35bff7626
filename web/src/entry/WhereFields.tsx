// Where it happened: the pick map (zones in force at the incident's time, the point and its
// uncertainty disk), longitude and latitude as numbers, the uncertainty as a radius in metres or
// ACLED's geo precision, and the place's name.
import type { FeatureCollection } from 'geojson';
import { DEFAULT_GEO_PRECISION_RADII_M } from '../../../src/domain/geo-precision.ts';
import { formatInstant } from '../time.ts';
import { SelectField, TextField } from './Field.tsx';
import type { FieldErrors, IncidentForm, PlaceMode } from './incidentForm.ts';
import { PickMap, type PickMapProps } from './PickMap.tsx';

const km = (m: number) => `${(m / 1000).toLocaleString('en')} km`;
const PRECISIONS = [
  { value: '1', label: `1 — the named place (${km(DEFAULT_GEO_PRECISION_RADII_M[1])})` },
  { value: '2', label: `2 — near it, its district (${km(DEFAULT_GEO_PRECISION_RADII_M[2])})` },
  { value: '3', label: `3 — the wider region (${km(DEFAULT_GEO_PRECISION_RADII_M[3])})` },
];

/** The radius the disk is drawn with: the metres given, or the default radius of the precision. */
export function radiusOf(form: IncidentForm): number {
  if (form.placeMode === 'precision')
    return DEFAULT_GEO_PRECISION_RADII_M[Number(form.geoPrecision) as 1 | 2 | 3];
  const m = Number(form.uncertaintyM);
  return Number.isFinite(m) && m > 0 ? m : 0;
}

export function pointOf(form: IncidentForm): [number, number] | null {
  const lon = Number(form.lon);
  const lat = Number(form.lat);
  if (form.lon.trim() === '' || form.lat.trim() === '') return null;
  return Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : null;
}

export function WhereFields(props: {
  form: IncidentForm;
  set: (patch: Partial<IncidentForm>) => void;
  errors: FieldErrors;
  zones: {
    data: FeatureCollection;
    at: string;
    /** Whether `at` is the incident's time (or, none given yet, when the screen opened). */
    given: boolean;
    count: number;
    loading: boolean;
    error: string | null;
  };
  focus: PickMapProps['focus'];
  onCentre: () => void;
}) {
  const { form, set, errors, zones } = props;
  const point = pointOf(form);
  const modes: { value: PlaceMode; label: string }[] = [
    { value: 'metres', label: 'Radius in metres' },
    { value: 'precision', label: 'ACLED geo precision' },
  ];
  return (
    <fieldset className="entry-section">
      <legend>Where</legend>
      <PickMap
        point={point}
        radiusM={radiusOf(form)}
        zones={zones.data}
        focus={props.focus}
        onPick={(lon, lat) => set({ lon: String(lon), lat: String(lat) })}
      />
      <p id="pick-map-help" className="hint" data-testid="entry-zones-note" aria-live="polite">
        Click the map to set the point (or focus it, move with the arrow keys and press Enter).{' '}
        {zones.error
          ? `The zones could not be loaded: ${zones.error}`
          : zones.loading
            ? `Loading the zones in force at ${formatInstant(zones.at)}…`
            : `Drawn: the ${zones.count} zone(s) in force at ${formatInstant(zones.at)}${zones.given ? ', when it began' : ' (now; give the time to see those in force then)'}.`}
      </p>
      <div className="field-pair">
        <TextField
          field="lon"
          label="Longitude (WGS84)"
          type="number"
          step="any"
          value={form.lon}
          onChange={(lon) => set({ lon })}
          errors={errors}
        />
        <TextField
          field="lat"
          label="Latitude (WGS84)"
          type="number"
          step="any"
          value={form.lat}
          onChange={(lat) => set({ lat })}
          errors={errors}
        />
      </div>
      <button type="button" className="secondary small" disabled={!point} onClick={props.onCentre}>
        Centre the map on the point
      </button>
      <div className="radio-row" role="radiogroup" aria-label="How the uncertainty is given">
        {modes.map((m) => (
          <label key={m.value} className="check">
            <input
              type="radio"
              name="entry-place-mode"
              data-testid={`entry-place-mode-${m.value}`}
              checked={form.placeMode === m.value}
              onChange={() => set({ placeMode: m.value })}
            />
            {m.label}
          </label>
        ))}
      </div>
      {form.placeMode === 'metres' ? (
        <TextField
          field="uncertainty_m"
          label="Uncertainty radius (m)"
          type="number"
          min="0"
          step="any"
          value={form.uncertaintyM}
          onChange={(uncertaintyM) => set({ uncertaintyM })}
          errors={errors}
          hint="0 for an exact point; the disk on the map shows the area the incident may lie in."
        />
      ) : (
        <SelectField
          field="geo_precision"
          label="Geo precision"
          value={form.geoPrecision}
          options={PRECISIONS}
          onChange={(v) => set({ geoPrecision: v as IncidentForm['geoPrecision'] })}
          errors={errors}
          hint="The radii are the defaults; the server's configuration decides."
        />
      )}
      <TextField
        field="location"
        label="Location name"
        value={form.location}
        onChange={(location) => set({ location })}
        errors={errors}
        placeholder="e.g. Hanano, Aleppo"
      />
    </fieldset>
  );
}
