// `truceline sign PROPOSAL_ID --key FILE`: a party signs a proposal's digest with its private key,
// after checking locally that the digest is the SHA-256 of the proposal's canonical content.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { proposalBundleSchema, type ProposalBundle } from '../../domain/proposal-bundle.ts';
import type { ProposalContent } from '../../domain/proposal.ts';
import { ID_PATTERN } from '../../domain/schemas.ts';
import { sha256Hex } from '../../domain/incident.ts';
import { fingerprintOf, parsePrivateKey, signDigest } from '../../domain/signing.ts';
import { createPublicKey } from 'node:crypto';
import { parseInput } from '../../domain/validate.ts';
import { ApiClient } from '../api-client.ts';
import { parseFlags } from '../flags.ts';

const signFlags = z.object({
  key: z.string().min(1),
  party: z.string().regex(ID_PATTERN, 'must be a party id').optional(),
  server: z.string().url('must be a URL such as http://127.0.0.1:8080').optional(),
  token: z.string().optional(),
  submit: z.boolean().default(true),
});

export function signCommand(program: Command): void {
  program
    .command('sign')
    .description(
      "sign a proposal's digest for a party with an Ed25519 private key (Ed25519 over the 32 digest bytes)",
    )
    .argument('<proposal-id>')
    .requiredOption('--key <file>', 'private key PEM (from truceline keys generate)')
    .option('--party <id>', 'the party signing (default: the party of the signed-in liaison)')
    .option(
      '--server <url>',
      'Truceline server (default: $TRUCELINE_SERVER or http://127.0.0.1:8080)',
    )
    .option('--token <token>', 'API token (default: $TRUCELINE_TOKEN)')
    .option('--no-submit', 'print the signature JSON instead of submitting it')
    .action(async (proposalId: string, raw: Record<string, unknown>) => {
      const flags = parseFlags(signFlags, raw);
      let pem: string;
      try {
        pem = await readFile(flags.key, 'utf8');
      } catch {
        throw new AppError('validation_failed', `cannot read ${flags.key}`, '--key');
      }
      let key;
      try {
        key = parsePrivateKey(pem);
      } catch (e) {
        throw new AppError('validation_failed', `${flags.key}: ${(e as Error).message}`, '--key');
      }
      const api = new ApiClient(flags);
      const bundle: ProposalBundle = parseInput(
        proposalBundleSchema,
        await api.request('GET', `/api/v1/proposals/${encodeURIComponent(proposalId)}/bundle`),
      );
      // Never sign a digest we did not recompute ourselves.
      if (sha256Hex(bundle.content) !== bundle.digest)
        throw new AppError(
          'bad_signature',
          'the server sent a digest that is not the SHA-256 of the content; not signing',
        );
      const content = JSON.parse(bundle.content) as ProposalContent;
      if (content.proposal_id !== proposalId || bundle.proposal_id !== proposalId)
        throw new AppError(
          'bad_signature',
          `the server sent proposal ${content.proposal_id}, not ${proposalId}; not signing`,
        );
      const party =
        flags.party ??
        (await api.request<{ party_id: string | null }>('GET', '/api/v1/auth/me')).party_id;
      if (!party)
        throw new AppError('validation_failed', 'say which party signs with --party', '--party');
      const body = {
        party_id: party,
        signature: signDigest(key, bundle.digest),
        key_fingerprint: fingerprintOf(createPublicKey(key)),
      };
      // Show what is being signed: the terms, the window, every zone, the signatories.
      const zones = content.zones.features
        .map((f) => `  - ${String(f.id)}: ${f.properties.name} (${f.properties.kind})`)
        .join('\n');
      process.stderr.write(
        [
          `proposal ${content.proposal_id}: ${content.agreement_id} ${content.label}${content.supersedes ? ` (supersedes ${content.supersedes})` : ''}`,
          `in force ${content.valid_from} → ${content.valid_until ?? 'open-ended'}`,
          `required signatories: ${content.required_signatories.join(', ')}`,
          `zones:\n${zones}`,
          `terms:\n${(content.terms ?? '(none)').replace(/^/gm, '  ')}`,
          `digest ${bundle.digest} (recomputed here from the content)`,
          '',
        ].join('\n'),
      );
      if (!flags.submit) {
        process.stdout.write(JSON.stringify(body, null, 2) + '\n');
        return;
      }
      const r = await api.request<{
        adopted: boolean;
        proposal: { signed: number; required: number; version_id: string | null };
      }>('POST', `/api/v1/proposals/${encodeURIComponent(proposalId)}/signatures`, body);
      process.stdout.write(
        `signed for ${party} with key ${body.key_fingerprint.slice(0, 16)}…; ${r.proposal.signed}/${r.proposal.required} signatures` +
          (r.adopted
            ? `; every required party has signed: it is now version ${content.label} (${r.proposal.version_id})\n`
            : '\n'),
      );
    });
}
