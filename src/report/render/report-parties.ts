// Per party: the period's violations attributed to it by attribution kind (reported by a source,
// inferred by a rule, assessed by an analyst), the notices sent to it and answered by it, and its
// decisions on proposals.
import type { DocContext, Section, TableRow } from './document-model.ts';

export function partiesSection(ctx: DocContext): Section {
  const parties = ctx.report.parties;
  const attributed: TableRow[] = parties.map((p) => {
    const a = p.attributed;
    const cap = (kind: string) => `${p.name} · attributed violations, ${kind}`;
    return {
      cells: [
        [p.name],
        [ctx.cmp(a.total, cap('all'))],
        [ctx.cmp(a.reported, cap('reported'))],
        [ctx.cmp(a.inferred, cap('inferred'))],
        [ctx.cmp(a.assessed, cap('assessed'))],
      ],
    };
  });
  const notices: TableRow[] = parties.map((p) => {
    const cap = (what: string) => `${p.name} · ${what}`;
    return {
      cells: [
        [p.name],
        [ctx.cmp(p.notices.sent, cap('notices sent'))],
        [ctx.cmp(p.notices.answered, cap('notices answered'))],
        [ctx.fig(p.notices.open, cap('notices open at the cut-off'))],
        [ctx.fig(p.proposals.signed, cap('proposals signed'))],
        [ctx.fig(p.proposals.refused, cap('proposals refused'))],
      ],
    };
  });
  return {
    id: 'parties',
    title: 'Parties',
    role: 'body',
    blocks:
      parties.length === 0
        ? [{ kind: 'paragraph', content: ['No parties are registered.'] }]
        : [
            {
              kind: 'table',
              table: {
                caption:
                  'Violations attributed to each party (not dismissed): reported by a source, inferred by a rule, assessed by an analyst; a violation counts once per kind and once in all',
                head: ['Party', 'All', 'Reported', 'Inferred', 'Assessed'],
                numeric: [false, true, true, true, true],
                rows: attributed,
              },
            },
            {
              kind: 'table',
              table: {
                caption:
                  'Violation notices sent to and answered by each party in the period, those still open at the cut-off, and the party’s decisions on proposals',
                head: ['Party', 'Notices sent', 'Answered', 'Open at cut-off', 'Proposals signed', 'Refused'], // prettier-ignore
                numeric: [false, true, true, true, true, true],
                rows: notices,
              },
            },
          ],
  };
}
