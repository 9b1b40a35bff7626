// /api/v1/agreements: agreements, their recorded (signed) versions, and agreement-document import.
import {
  agreementImportResponse,
  agreementResponse,
  agreementsResponse,
  recordVersionResponse,
  versionResponse,
  versionsResponse,
} from '../../api/agreements.ts';
import { createAgreement, importAgreementDocument, recordVersion } from '../../app/agreements.ts';
import type { AppContext } from '../../app/context.ts';
import { DRAFT_AGREEMENTS, READ_PUBLISHED } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { agreementDocumentSchema, agreementSchema, versionSchema } from '../../domain/schemas.ts';
import { agreementToJson, versionsToJson } from '../../domain/resource-output.ts';
import type { RouteRegistry } from '../route-registry.ts';

const DOC_LIMIT = 64 * 1024 * 1024;

export function agreementRoutes(r: RouteRegistry, ctx: AppContext): void {
  const requireAgreement = async (id: string) => {
    const a = await ctx.store.getAgreement(id);
    if (!a) throw new AppError('not_found', `agreement ${id} does not exist`);
    return a;
  };
  r.add({
    method: 'GET',
    access: { roles: READ_PUBLISHED },
    url: '/api/v1/agreements',
    tag: 'agreements',
    summary: 'List agreements with their versions (without geometry)',
    response: { status: 200, description: '{ items: Agreement[] }', schema: agreementsResponse },
    handler: async () => {
      const versions = await ctx.store.listVersions();
      return {
        items: (await ctx.store.listAgreements()).map((a) =>
          agreementToJson(
            a,
            versions.filter((v) => v.agreementId === a.id),
          ),
        ),
      };
    },
  });
  r.add({
    method: 'GET',
    access: { roles: READ_PUBLISHED },
    url: '/api/v1/agreements/:id',
    tag: 'agreements',
    summary: 'One agreement with its versions (without geometry)',
    response: { status: 200, description: 'Agreement', schema: agreementResponse },
    handler: async ({ params }) => {
      const a = await requireAgreement(params.id!);
      return agreementToJson(a, await ctx.store.listVersions(a.id));
    },
  });
  r.add({
    method: 'POST',
    access: { roles: DRAFT_AGREEMENTS },
    url: '/api/v1/agreements',
    tag: 'agreements',
    summary: 'Create an agreement (its parties must exist)',
    body: agreementSchema,
    response: { status: 201, description: 'The created agreement', schema: agreementResponse },
    handler: async ({ body, actor }) =>
      agreementToJson(await createAgreement(ctx, body, actor), []),
  });
  r.add({
    method: 'POST',
    access: { roles: DRAFT_AGREEMENTS },
    url: '/api/v1/agreements/import',
    tag: 'agreements',
    summary: 'Import an agreement document (idempotent; never rewrites recorded versions)',
    body: agreementDocumentSchema,
    bodyLimit: DOC_LIMIT,
    response: {
      status: 200,
      description: 'Import summary: what was added, what was unchanged',
      schema: agreementImportResponse,
    },
    handler: async ({ body, actor }) => importAgreementDocument(ctx, body, actor),
  });
  r.add({
    method: 'GET',
    access: { roles: READ_PUBLISHED },
    url: '/api/v1/agreements/:id/versions',
    tag: 'agreements',
    summary: 'Recorded versions of an agreement, with zones as GeoJSON',
    response: { status: 200, description: '{ items: Version[] }', schema: versionsResponse },
    handler: async ({ params }) => {
      await requireAgreement(params.id!);
      return { items: versionsToJson(await ctx.store.listVersions(params.id)) };
    },
  });
  r.add({
    method: 'GET',
    access: { roles: READ_PUBLISHED },
    url: '/api/v1/agreements/:id/versions/:label',
    tag: 'agreements',
    summary: 'One recorded version, with zones as GeoJSON',
    response: { status: 200, description: 'Version', schema: versionResponse },
    handler: async ({ params }) => {
      await requireAgreement(params.id!);
      const v = versionsToJson(await ctx.store.listVersions(params.id)).find(
        (x) => x.label === params.label,
      );
      if (!v)
        throw new AppError('not_found', `agreement ${params.id} has no version ${params.label}`);
      return v;
    },
  });
  r.add({
    method: 'POST',
    access: { roles: DRAFT_AGREEMENTS },
    url: '/api/v1/agreements/:id/versions',
    tag: 'agreements',
    summary:
      'Record a version signed outside the system (with its zones); violations are re-evaluated',
    body: versionSchema,
    bodyLimit: DOC_LIMIT,
    response: {
      status: 201,
      description: '{ version, violations: { added, changed, removed, superseded, restored } }',
      schema: recordVersionResponse,
    },
    handler: async ({ body, params, actor }) => {
      const { version, violations } = await recordVersion(ctx, params.id!, body, actor);
      const all = versionsToJson(await ctx.store.listVersions(params.id));
      return { version: all.find((v) => v.id === version.id)!, violations };
    },
  });
}
