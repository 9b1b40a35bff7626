// The legend: every zone kind with its line pattern and fill, and how incidents are marked — the
// swatches are drawn with the map's own colours, dash patterns and glyphs.
import { CERTAINTIES_MOST_SEVERE_FIRST } from '../../../src/domain/certainty.ts';
import { ZONE_KINDS, type Certainty, type ZoneKind } from '../types.ts';
import { CERTAINTY_STYLE } from './incidentStyle.ts';
import { KIND_STYLE } from './zoneStyle.ts';

export function KindSwatch({ kind }: { kind: ZoneKind }) {
  const s = KIND_STYLE[kind];
  const dash = s.dash.length ? s.dash.map((d) => d * 2).join(' ') : undefined;
  return (
    <svg className="swatch" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true">
      <defs>
        <pattern id={`hatch-${kind}`} width="5" height="5" patternUnits="userSpaceOnUse">
          <path d="M0,5 L5,0" stroke="#333" strokeWidth="1" />
        </pattern>
      </defs>
      <rect
        x="1"
        y="1"
        width="26"
        height="16"
        fill={kind === 'excluded_area' ? `url(#hatch-${kind})` : s.colour}
        fillOpacity={kind === 'excluded_area' ? 1 : Math.max(0.2, s.fillOpacity)}
        stroke={s.colour}
        strokeWidth="2"
        strokeDasharray={dash}
      />
    </svg>
  );
}

export function CertaintySwatch({ certainty }: { certainty: Certainty }) {
  const s = CERTAINTY_STYLE[certainty];
  const r = certainty === 'none' ? 5 : 7;
  return (
    <svg className="swatch" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
      <circle cx="10" cy="10" r={r} fill={s.fill} stroke={s.stroke} strokeWidth={s.strokeWidth} />
      {s.glyph && (
        <text
          x="10"
          y="14"
          textAnchor="middle"
          fontSize="11"
          fontWeight="700"
          fill={certainty === 'certain' ? '#fff' : '#7a3b00'}
        >
          {s.glyph}
        </text>
      )}
    </svg>
  );
}

export function Legend() {
  return (
    <section className="panel legend" aria-labelledby="legend-title">
      <h2 id="legend-title">Legend</h2>
      <ul>
        {ZONE_KINDS.map((k) => (
          <li key={k}>
            <KindSwatch kind={k} />
            <span>
              <strong>{KIND_STYLE[k].label}</strong>{' '}
              <span className="muted small">— {KIND_STYLE[k].description}</span>
            </span>
          </li>
        ))}
      </ul>
      <ul>
        {CERTAINTIES_MOST_SEVERE_FIRST.map((c) => (
          <li key={c}>
            <CertaintySwatch certainty={c} />
            <span>
              <strong>{CERTAINTY_STYLE[c].label}</strong>{' '}
              <span className="muted small">— {CERTAINTY_STYLE[c].description}</span>
            </span>
          </li>
        ))}
        <li>
          <span className="muted small">
            Circle size grows with fatalities; numbered circles are clusters (click to zoom in).
            Hover an incident to see its uncertainty disk.
          </span>
        </li>
      </ul>
    </section>
  );
}
