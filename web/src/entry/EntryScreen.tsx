// Incident entry (#/entry, monitors and analysts): the incident form with its pick map, and the
// "Paste an article" panel whose claims can fill the form in. Saving posts the incident (or, for a
// form filled in from a claim, accepts the claim as that incident); the server's errors land next
// to the fields they name and nothing is saved; the confirmation lists the violations detected.
import { useCallback, useEffect, useMemo, useState } from 'react';
import './entry.css';
import type { FeatureCollection } from 'geojson';
import { claimSummary } from '../../../src/domain/claim-outcomes.ts';
import { ApiError, errorMessage } from '../api.ts';
import { ErrorText } from '../components.tsx';
import { useZones } from '../map/useMapData.ts';
import { replaceHashParams } from '../route.ts';
import { iso } from '../time.ts';
import type { User } from '../types.ts';
import { ArticlePanel } from './ArticlePanel.tsx';
import { canBecomeIncident, formFromClaim } from './claimForm.ts';
import { entryApi } from './entryApi.ts';
import type { ArticleJson, ClaimJson, SavedIncident as Saved, Source } from './entryTypes.ts';
import {
  blankForm,
  fieldKey,
  problemsByField,
  formSpan,
  toBody,
  type FieldErrors,
  type IncidentForm as Form,
} from './incidentForm.ts';
import { IncidentForm, type ClaimLink } from './IncidentForm.tsx';
import { SavedIncident } from './SavedIncident.tsx';
import { pointOf, radiusOf } from './WhereFields.tsx';

const NO_ZONES: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function EntryScreen(props: { user: User; params: URLSearchParams }) {
  const [sources, setSources] = useState<Source[]>([]);
  const [sourcesError, setSourcesError] = useState<string | null>(null);
  const [form, setForm] = useState<Form>(blankForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [claim, setClaim] = useState<ClaimLink | null>(null);
  const [claimNote, setClaimNote] = useState('');
  const [article, setArticle] = useState<ArticleJson | null>(null);
  const [articlesChanged, setArticlesChanged] = useState(0);
  const [focus, setFocus] = useState<{ center: [number, number]; radiusM: number } | null>(null);

  useEffect(() => {
    entryApi
      .sources()
      .then((r) => setSources(r.items))
      .catch((e: unknown) => setSourcesError(`The source registry could not be loaded: ${errorMessage(e)}`)); // prettier-ignore
    // An article named in the address (#/entry?article=ID) is opened again.
    const id = props.params.get('article');
    if (id) entryApi.article(id).then(setArticle, () => replaceHashParams('entry', {}));
  }, []);
  const showArticle = useCallback((a: ArticleJson) => {
    setArticle(a);
    replaceHashParams('entry', { article: a.id });
  }, []);

  // The zones drawn on the pick map are those in force when the incident began (before a time is
  // given, those in force when the screen opened).
  const [openedAt] = useState(() => iso(Math.floor(Date.now() / 60_000) * 60_000));
  const span = formSpan(form);
  const zonesAt = span ? iso(span.from) : openedAt;
  const zones = useZones(zonesAt);
  const zoneInfo = useMemo(
    () => ({
      data: (zones.data as FeatureCollection | null) ?? NO_ZONES,
      at: zonesAt,
      given: span !== null,
      count: zones.data?.features.length ?? 0,
      loading: zones.loading,
      error: zones.error,
    }),
    [zones.data, zonesAt, span !== null, zones.loading, zones.error],
  );

  // Errors move the focus to their summary, so a keyboard or screen-reader user hears them.
  useEffect(() => {
    if (Object.keys(errors).length || general)
      document.querySelector<HTMLElement>('[data-testid="entry-error-summary"]')?.focus();
  }, [errors, general]);

  const clear = () => {
    setForm(blankForm());
    setErrors({});
    setGeneral(null);
    setClaim(null);
    setClaimNote('');
  };

  const fillFromClaim = (c: ClaimJson) => {
    if (!article || !canBecomeIncident(c.claim)) return;
    const next = formFromClaim(c.claim, article, sources);
    clear();
    setSaved(null);
    setForm(next);
    setClaim({
      articleId: article.id,
      articleTitle: article.title ?? 'the article',
      idx: c.idx,
      summary: claimSummary(c.claim),
    });
    const point = pointOf(next);
    if (point) setFocus({ center: point, radiusM: radiusOf(next) });
    document.getElementById('entry-form-title')?.scrollIntoView({ block: 'start' });
  };

  const submit = async () => {
    if (busy) return;
    const { body, errors: unreadable } = toBody(form, sources);
    setGeneral(null);
    if (Object.keys(unreadable).length) return setErrors(unreadable);
    setBusy(true);
    try {
      let result: Saved;
      if (claim) {
        const note = claimNote.trim() || undefined;
        const r = await entryApi.acceptAsIncident(claim.articleId, claim.idx, body, note);
        result = {
          incident: r.incident,
          violations: r.violations,
          status: 'added',
          claim: r.claim,
        };
        // The decided claim comes back with the incident: it replaces the pending one in the list.
        setArticle((a) =>
          a?.id === claim.articleId
            ? { ...a, claims: a.claims.map((c) => (c.idx === r.claim.idx ? r.claim : c)) }
            : a,
        );
        setArticlesChanged((n) => n + 1);
      } else {
        const { status, violations, ...incident } = await entryApi.createIncident(body);
        result = { incident, violations, status, claim: null };
      }
      clear();
      setSaved(result);
    } catch (e) {
      // Every problem the server found, each next to its field (the first one wins a field).
      const problems = e instanceof ApiError ? e.problems : [];
      const onForm = (field: string) => field !== '(body)' && field !== 'as';
      if (problems.some((p) => onForm(p.field))) {
        const keyOf = (field: string) => (field === 'note' ? 'claim_note' : fieldKey(field));
        setErrors(
          problemsByField(
            problems.filter((p) => onForm(p.field)),
            keyOf,
          ),
        );
        const rest = problems.filter((p) => !onForm(p.field)).map((p) => p.message);
        setGeneral(rest.length > 0 ? rest.join('; ') : null);
      } else {
        setErrors({});
        setGeneral(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="entry-screen" data-testid="entry-screen" aria-labelledby="entry-title">
      <div className="entry-main">
        <h1 id="entry-title">Incident entry</h1>
        <p className="hint">
          Times are UTC. Fields are checked by the server; a refused entry saves nothing.
        </p>
        <ErrorText error={sourcesError} />
        {saved && <SavedIncident saved={saved} onDismiss={() => setSaved(null)} />}
        <IncidentForm
          form={form}
          onChange={setForm}
          sources={sources}
          errors={errors}
          general={general}
          busy={busy}
          claim={claim}
          claimNote={claimNote}
          onClaimNote={setClaimNote}
          onDetach={() => setClaim(null)}
          onSubmit={() => void submit()}
          onClear={clear}
          where={{
            zones: zoneInfo,
            focus,
            onCentre: () => {
              const point = pointOf(form);
              if (point) setFocus({ center: point, radiusM: radiusOf(form) });
            },
          }}
        />
      </div>
      <aside className="entry-side" aria-label="News intake">
        <ArticlePanel
          sources={sources}
          article={article}
          onArticle={showArticle}
          activeClaim={claim && article?.id === claim.articleId ? claim.idx : null}
          onUse={fillFromClaim}
          refreshKey={articlesChanged}
        />
      </aside>
    </main>
  );
}
