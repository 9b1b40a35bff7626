// /api/v1/proposals: draft versions put to the parties, their signatures and refusals, the diff
// against the version in force, and the bundle for offline verification.
import {
  proposalBundleResponse,
  proposalsQuery,
  proposalsResponse,
  proposalViewResponse,
  refusalBody,
  signatureBody,
  signatureResponse,
  withdrawBody,
} from '../../api/proposals.ts';
import type { AppContext } from '../../app/context.ts';
import { proposalSummary, proposalView } from '../../app/proposal-view.ts';
import {
  createProposal,
  proposalBundle,
  refuseProposal,
  signProposal,
  withdrawProposal,
} from '../../app/proposals.ts';
import {
  PUT_OUT_PROPOSALS,
  READ_PROPOSALS,
  REFUSE_PROPOSALS,
  SIGN_PROPOSALS,
  WITHDRAW_PROPOSALS,
} from '../../domain/access.ts';
import { proposalInputSchema } from '../../domain/proposal.ts';
import type { RouteRegistry } from '../route-registry.ts';

const bodyParty = async ({ body }: { body: unknown }) => {
  const party = (body as { party_id?: unknown } | null)?.party_id;
  return typeof party === 'string' ? party : null;
};

export function proposalRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'GET',
    url: '/api/v1/proposals',
    tag: 'proposals',
    summary: 'List proposals, newest first, with each required party’s state',
    access: { roles: READ_PROPOSALS },
    query: proposalsQuery,
    response: {
      status: 200,
      description: '{ items: ProposalSummary[] }',
      schema: proposalsResponse,
    },
    handler: async ({ query }) => {
      const list = await ctx.store.listProposals({
        agreementId: query.agreement,
        status: query.status,
      });
      const decisions = await ctx.store.listDecisions(list.map((p) => p.id));
      return {
        items: list.map((p) =>
          proposalSummary(
            p,
            decisions.filter((d) => d.proposalId === p.id),
          ),
        ),
      };
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/agreements/:id/proposals',
    tag: 'proposals',
    summary: 'Put out a proposal (immutable; a change is a new proposal that supersedes it)',
    access: { roles: PUT_OUT_PROPOSALS },
    body: proposalInputSchema,
    response: {
      status: 201,
      description: 'The proposal with its digest and diff',
      schema: proposalViewResponse,
    },
    handler: async ({ params, body, actor }) => {
      const p = await createProposal(ctx, actor, params.id!, body);
      return proposalView(ctx.store, p.id, ctx.config.now());
    },
  });
  r.add({
    method: 'GET',
    url: '/api/v1/proposals/:id',
    tag: 'proposals',
    summary: 'Show a proposal: digest, party states and the diff against the version in force',
    access: { roles: READ_PROPOSALS },
    response: { status: 200, description: 'ProposalView', schema: proposalViewResponse },
    handler: async ({ params }) => proposalView(ctx.store, params.id!, ctx.config.now()),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/proposals/:id/bundle',
    tag: 'proposals',
    summary: 'Export a proposal with its signatures and keys for offline verification',
    access: { roles: READ_PROPOSALS },
    response: {
      status: 200,
      description: 'ProposalBundle (docs/SIGNING.md)',
      schema: proposalBundleResponse,
    },
    handler: async ({ params }) => proposalBundle(ctx, params.id!),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/proposals/:id/signatures',
    tag: 'proposals',
    summary: "Submit a party's Ed25519 signature of the proposal digest",
    access: { roles: SIGN_PROPOSALS, party: bodyParty },
    body: signatureBody,
    response: { status: 201, description: '{ proposal, adopted }', schema: signatureResponse },
    handler: async ({ params, body, actor }) => {
      const { adopted } = await signProposal(ctx, actor, params.id!, body);
      return { adopted, proposal: await proposalView(ctx.store, params.id!, ctx.config.now()) };
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/proposals/:id/refusals',
    tag: 'proposals',
    summary: 'Refuse a proposal for a party, with a reason',
    access: { roles: REFUSE_PROPOSALS, party: bodyParty },
    body: refusalBody,
    response: { status: 201, description: 'ProposalView', schema: proposalViewResponse },
    handler: async ({ params, body, actor }) => {
      await refuseProposal(ctx, actor, params.id!, body);
      return proposalView(ctx.store, params.id!, ctx.config.now());
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/proposals/:id/withdraw',
    tag: 'proposals',
    summary: 'Withdraw an open proposal',
    access: { roles: WITHDRAW_PROPOSALS },
    body: withdrawBody,
    response: { status: 200, description: 'ProposalView', schema: proposalViewResponse },
    handler: async ({ params, body, actor }) => {
      await withdrawProposal(ctx, actor, params.id!, body.reason);
      return proposalView(ctx.store, params.id!, ctx.config.now());
    },
  });
}
