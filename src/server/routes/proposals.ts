// /api/v1/proposals: draft versions put to the parties, their signatures and refusals, the diff
// against the version in force, and the bundle for offline verification.
import { z } from 'zod';
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
import { ID_PATTERN } from '../../domain/schemas.ts';
import type { RouteRegistry } from '../route-registry.ts';

const partyId = z.string().regex(ID_PATTERN, 'must be a party id');
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
    query: z.object({
      agreement: z.string().optional(),
      status: z.enum(['open', 'adopted', 'refused', 'superseded', 'withdrawn']).optional(),
    }),
    response: { status: 200, description: '{ items: ProposalSummary[] }' },
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
    response: { status: 201, description: 'The proposal with its digest and diff' },
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
    response: { status: 200, description: 'ProposalView' },
    handler: async ({ params }) => proposalView(ctx.store, params.id!, ctx.config.now()),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/proposals/:id/bundle',
    tag: 'proposals',
    summary: 'Export a proposal with its signatures and keys for offline verification',
    access: { roles: READ_PROPOSALS },
    response: { status: 200, description: 'ProposalBundle (docs/SIGNING.md)' },
    handler: async ({ params }) => proposalBundle(ctx, params.id!),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/proposals/:id/signatures',
    tag: 'proposals',
    summary: "Submit a party's Ed25519 signature of the proposal digest",
    access: { roles: SIGN_PROPOSALS, party: bodyParty },
    body: z.object({
      party_id: partyId,
      signature: z
        .string()
        .regex(/^[A-Za-z0-9+/_-]{86}(==)?$/, 'must be a 64-byte Ed25519 signature in base64'),
      key_fingerprint: z
        .string()
        .regex(/^[0-9a-f]{64}$/, 'must be a key fingerprint (64 hex characters)')
        .optional(),
    }),
    response: { status: 201, description: '{ proposal, adopted }' },
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
    body: z.object({ party_id: partyId, reason: z.string().trim().min(3).max(5000) }),
    response: { status: 201, description: 'ProposalView' },
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
    body: z.object({ reason: z.string().trim().min(3).max(5000) }),
    response: { status: 200, description: 'ProposalView' },
    handler: async ({ params, body, actor }) => {
      await withdrawProposal(ctx, actor, params.id!, body.reason);
      return proposalView(ctx.store, params.id!, ctx.config.now());
    },
  });
}
