// "Paste an article": the text (with its publication date, URL and publisher when known) is
// extracted and stored by the server as a draft whose claims wait for review; the claims are
// listed here, each to use as an incident or to reject. Recent drafts can be opened again. The
// panel is not shown when the server has no news intake.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../api.ts';
import { ErrorText } from '../components.tsx';
import { formatInstant } from '../time.ts';
import { ClaimCard } from './ClaimCard.tsx';
import { entryApi } from './entryApi.ts';
import type { ArticleJson, ArticleSummary, ClaimJson, Source } from './entryTypes.ts';
import { FieldError, TextField } from './Field.tsx';
import { problemsByField, type FieldErrors } from './incidentForm.ts';

export function ArticlePanel(props: {
  sources: readonly Source[];
  article: ArticleJson | null;
  onArticle: (a: ArticleJson) => void;
  activeClaim: number | null;
  onUse: (claim: ClaimJson) => void;
  refreshKey: number;
}) {
  const [present, setPresent] = useState(true);
  const [recent, setRecent] = useState<ArticleSummary[]>([]);
  const [text, setText] = useState('');
  const [published, setPublished] = useState('');
  const [reference, setReference] = useState('');
  const [publisher, setPublisher] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { article, onArticle } = props;

  const loadRecent = useCallback(() => {
    entryApi
      .articles()
      .then((r) => setRecent(r.items))
      .catch((e: unknown) => {
        // No news intake on this server: the panel stays away.
        if (e instanceof ApiError && e.status === 404) setPresent(false);
        else setError(errorMessage(e));
      });
  }, []);
  useEffect(loadRecent, [loadRecent, props.refreshKey]);

  const draft = async () => {
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      const a = await entryApi.draftArticle({
        text,
        ...(published && { published }),
        ...(reference.trim() && { reference: reference.trim() }),
        ...(publisher.trim() && { publisher: publisher.trim() }),
      });
      onArticle(a);
      setText('');
      loadRecent();
    } catch (e) {
      if (e instanceof ApiError && e.problems.length > 0) setErrors(problemsByField(e.problems));
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const open = (id: string) => {
    setError(null);
    entryApi
      .article(id)
      .then(onArticle)
      .catch((e: unknown) => setError(errorMessage(e)));
  };
  const reject = async (claim: ClaimJson, note: string) => {
    await entryApi.rejectClaim(claim.article_id, claim.idx, note);
    onArticle(await entryApi.article(claim.article_id));
    loadRecent();
  };

  if (!present) return null;
  return (
    <section className="article-panel" data-testid="article-panel" aria-labelledby="article-title">
      <h2 id="article-title">Paste an article</h2>
      <p className="hint">
        The claims found in it (casualties, incidents, truce news) wait for your review: nothing
        counts until it is accepted.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void draft();
        }}
      >
        <div className="field">
          <label htmlFor="entry-text">Article text (headline first)</label>
          <textarea
            id="entry-text"
            data-testid="article-text"
            rows={8}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <FieldError field="text" errors={errors} />
        </div>
        <TextField
          field="published"
          label="Published (UTC date, optional)"
          type="date"
          value={published}
          onChange={setPublished}
          errors={errors}
          hint="Resolves “on Tuesday” or “over the last three days”; the dateline is used otherwise."
        />
        <TextField
          field="reference"
          label="URL or reference (optional)"
          value={reference}
          onChange={setReference}
          errors={errors}
        />
        <TextField
          field="publisher"
          label="Publisher (optional; the source when a claim names none)"
          value={publisher}
          onChange={setPublisher}
          errors={errors}
        />
        <ErrorText error={error} testId="article-error" />
        <button type="submit" data-testid="article-submit" disabled={busy}>
          {busy ? 'Reading…' : 'Find the claims'}
        </button>
      </form>
      {article && (
        <div className="article-claims" data-testid="article" data-article-id={article.id}>
          <h3>{article.title ?? 'Untitled article'}</h3>
          <p className="hint">
            {[
              article.published && `published ${article.published}`,
              article.publisher,
              article.agency,
              article.reference,
            ]
              .filter(Boolean)
              .join(' · ') || 'No date, publisher or reference.'}
          </p>
          {(article.warnings ?? []).map((w) => (
            <p key={w} className="notice">
              {w}
            </p>
          ))}
          {article.claims.length === 0 ? (
            <p>No claims were found in this text.</p>
          ) : (
            <ol className="claim-list">
              {article.claims.map((c) => (
                <ClaimCard
                  key={`${c.article_id}:${c.idx}:${c.status}`}
                  claim={c}
                  text={article.text}
                  active={props.activeClaim === c.idx}
                  onUse={() => props.onUse(c)}
                  onReject={(note) => reject(c, note)}
                />
              ))}
            </ol>
          )}
        </div>
      )}
      {recent.length > 0 && (
        <details className="recent-articles">
          <summary>Recent articles ({recent.length})</summary>
          <ul>
            {recent.map((a) => (
              <li key={a.id}>
                <button type="button" className="link-button" onClick={() => open(a.id)}>
                  {a.title ?? 'Untitled'} — {a.claims.pending} pending · drafted by {a.created_by}{' '}
                  {formatInstant(a.created_at)}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
