// The outline problems the server found, numbered as their markers on the map; choosing one moves
// the map to it.
import type { PlacedIssue } from './issues.ts';

export function IssueList(props: {
  issues: readonly PlacedIssue[];
  active: number | null;
  onSelect: (index: number) => void;
}) {
  const { issues } = props;
  return (
    <section className="panel" aria-labelledby="editor-issues-title">
      <h2 id="editor-issues-title">
        Problems <span className="count">{issues.length}</span>
      </h2>
      {issues.length === 0 ? (
        <p className="hint" data-testid="issues-none">
          None: every outline is valid.
        </p>
      ) : (
        <ol className="issue-list" data-testid="issue-list">
          {issues.map((issue, i) => (
            <li key={`${issue.zoneKey}-${i}`}>
              <button
                type="button"
                className={`link-button issue-item${props.active === i ? ' active' : ''}`}
                data-testid="issue-item"
                data-zone-key={issue.zoneKey}
                aria-current={props.active === i ? true : undefined}
                disabled={!issue.at}
                onClick={() => props.onSelect(i)}
              >
                <span className="issue-number" aria-hidden="true">
                  {i + 1}
                </span>
                <span>
                  <strong>{issue.zoneName || issue.zoneKey}</strong>: {issue.message}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
