// The instant the map shows: a slider over the agreements' versions (hour steps) and a UTC
// date-time input, both moving the same instant, shown as ISO.
import { useEffect, useState } from 'react';
import { fromInputValue, HOUR, iso, toInputValue } from '../time.ts';

export function TimeControls(props: {
  instant: number;
  min: number;
  max: number;
  onChange: (ms: number) => void;
}) {
  const { instant, min, max, onChange } = props;
  // The text field keeps what is being typed until it is a valid instant.
  const [draft, setDraft] = useState(toInputValue(instant));
  useEffect(() => setDraft(toInputValue(instant)), [instant]);

  return (
    <fieldset className="time-controls">
      <legend>Instant (UTC)</legend>
      <input
        type="range"
        data-testid="time-slider"
        aria-label="Instant"
        aria-valuetext={iso(instant)}
        min={min}
        max={max}
        step={HOUR}
        value={Math.min(max, Math.max(min, instant))}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <div className="time-scale" aria-hidden="true">
        <span>{toInputValue(min).slice(0, 10)}</span>
        <span>{toInputValue(max).slice(0, 10)}</span>
      </div>
      <div className="row">
        <label htmlFor="time-input">Date and time (UTC)</label>
        <input
          id="time-input"
          type="datetime-local"
          data-testid="time-input"
          step={60}
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            const ms = fromInputValue(e.target.value);
            if (Number.isFinite(ms)) onChange(ms);
          }}
        />
      </div>
      <p className="instant">
        Showing <output data-testid="instant">{iso(instant)}</output>
      </p>
    </fieldset>
  );
}
