// "Use this neighbourhood's outline" from the keyboard: search OCHA's Aleppo neighbourhoods by
// English or Arabic name (or P-code) and add one as a zone with its exact outline.
import { useId, useMemo, useState } from 'react';
import type { BoundaryCollection } from './editorTypes.ts';

const MAX_SHOWN = 8;

/** Lower case without accents, apostrophes or hyphens: "Sha'aar" and "shaaar" match. */
const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f'’`\-\s]/g, '');

export function NeighbourhoodPicker(props: {
  neighbourhoods: BoundaryCollection | null;
  onAdd: (pcode: string) => void;
}) {
  const [query, setQuery] = useState('');
  const id = useId();
  const matches = useMemo(() => {
    const q = fold(query.trim());
    if (!q || !props.neighbourhoods) return [];
    return props.neighbourhoods.features
      .filter((f) =>
        [f.properties.name_en, f.properties.name_ar ?? '', f.properties.pcode].some((n) =>
          fold(n).includes(q),
        ),
      )
      .sort((a, b) => a.properties.name_en.localeCompare(b.properties.name_en))
      .slice(0, MAX_SHOWN);
  }, [query, props.neighbourhoods]);

  return (
    <div className="neighbourhood-picker">
      <label htmlFor={`${id}-q`}>Add an Aleppo neighbourhood’s outline</label>
      <input
        id={`${id}-q`}
        type="search"
        data-testid="neighbourhood-search"
        placeholder="Name, e.g. Hanano or هنانو"
        value={query}
        disabled={!props.neighbourhoods}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="hint small" id={`${id}-hint`}>
        Or choose <em>Pick a neighbourhood</em> and click one on the map.
      </p>
      {query.trim() !== '' && (
        <ul className="neighbourhood-results" aria-label="Matching neighbourhoods">
          {matches.map((f) => (
            <li key={f.properties.pcode}>
              <button
                type="button"
                className="link-button"
                data-testid="neighbourhood-option"
                data-pcode={f.properties.pcode}
                onClick={() => props.onAdd(f.properties.pcode)}
              >
                <span aria-hidden="true">+</span>
                <span>
                  Add <strong>{f.properties.name_en}</strong>{' '}
                  <span lang="ar" dir="rtl">
                    {f.properties.name_ar}
                  </span>{' '}
                  <span className="muted small">{f.properties.pcode}</span>
                </span>
              </button>
            </li>
          ))}
          {matches.length === 0 && <li className="muted">No neighbourhood matches.</li>}
        </ul>
      )}
    </div>
  );
}
