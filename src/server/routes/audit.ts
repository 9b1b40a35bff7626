// /api/v1/audit: the hash-chained audit log, and its verification.
import { auditQuery, auditResponse, auditVerifyResponse } from '../../api/audit.ts';
import type { AppContext } from '../../app/context.ts';
import { verifyAuditChain } from '../../app/desk.ts';
import { READ_AUDIT, VERIFY_AUDIT } from '../../domain/access.ts';
import type { AuditEntry } from '../../domain/audit-chain.ts';
import type { RouteRegistry } from '../route-registry.ts';

export function auditEntryToJson(e: AuditEntry) {
  return {
    seq: e.seq,
    at: new Date(e.at).toISOString(),
    actor: e.actor,
    actor_role: e.actorRole,
    actor_party: e.actorParty,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    before: e.before,
    after: e.after,
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

export function auditRoutes(r: RouteRegistry, ctx: AppContext): void {
  r.add({
    method: 'GET',
    url: '/api/v1/audit',
    tag: 'audit',
    summary: 'List audit entries, newest first (page back with before=seq)',
    access: { roles: READ_AUDIT },
    query: auditQuery,
    response: { status: 200, description: '{ items: AuditEntry[], head }', schema: auditResponse },
    handler: async ({ query }) => ({
      items: (
        await ctx.store.listAudit({
          entity: query.entity,
          entityId: query.entity_id,
          beforeSeq: query.before,
          limit: query.limit,
        })
      ).map(auditEntryToJson),
      head: await ctx.store.auditHead(),
    }),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/audit/verify',
    tag: 'audit',
    summary: 'Recompute the audit chain and name the first entry that does not match',
    access: { roles: VERIFY_AUDIT },
    response: {
      status: 200,
      description: '{ ok, entries, head, first_break }',
      schema: auditVerifyResponse,
    },
    handler: async () => {
      const r = await verifyAuditChain(ctx.store);
      return {
        ok: r.ok,
        entries: r.entries,
        head: r.head,
        first_break: r.firstBreak,
      };
    },
  });
}
