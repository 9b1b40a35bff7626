// Map settings: an optional online tile source (a {z}/{x}/{y} raster template or a MapLibre style
// URL), kept in localStorage; empty means the offline base map, which needs no network.
import { useState, type FormEvent } from 'react';

const KEY = 'truceline.tileUrl';

export function loadTileUrl(): string {
  try {
    return window.localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

function saveTileUrl(url: string): void {
  try {
    if (url) window.localStorage.setItem(KEY, url);
    else window.localStorage.removeItem(KEY);
  } catch {
    // Storage may be disabled; the setting then lasts for this page only.
  }
}

export function Settings(props: { tileUrl: string; onChange: (url: string) => void }) {
  const [draft, setDraft] = useState(props.tileUrl);
  const [error, setError] = useState<string | null>(null);
  const apply = (url: string) => {
    saveTileUrl(url);
    props.onChange(url);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const url = draft.trim();
    if (url && !/^https?:\/\//.test(url))
      return setError('Give an http(s) URL, or leave it empty.');
    setError(null);
    apply(url);
  };
  return (
    <details className="panel settings">
      <summary>Map settings</summary>
      <form onSubmit={submit}>
        <label htmlFor="tile-url">Online tiles (optional)</label>
        <input
          id="tile-url"
          data-testid="tile-url"
          type="url"
          placeholder="https://tile.example.org/{z}/{x}/{y}.png or a style.json URL"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-describedby="tile-url-help"
        />
        <p id="tile-url-help" className="muted small">
          Empty: the offline base map served by Truceline (no network needed). A raster template
          with {'{z}/{x}/{y}'} or a MapLibre style URL is drawn under the zones.
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          <button type="submit">Apply</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft('');
              setError(null);
              apply('');
            }}
          >
            Use offline map
          </button>
        </div>
      </form>
    </details>
  );
}
