// Schema migrations, written with Kysely's schema builder so both dialects share them.
import { sql, type Kysely, type Migration } from 'kysely';

export const migrations: Record<string, Migration> = {
  '0001_foundation': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('parties')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('capabilities', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('agreements')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('agreement_parties')
        .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
        .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
        .addPrimaryKeyConstraint('agreement_parties_pk', ['agreement_id', 'party_id'])
        .execute();
      await db.schema
        .createTable('versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'bigint', (c) => c.notNull())
        .addColumn('valid_until', 'bigint')
        .addColumn('signed_by', 'text', (c) => c.notNull())
        .addColumn('terms', 'text')
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('versions_label_uq', ['agreement_id', 'label'])
        .addUniqueConstraint('versions_seq_uq', ['agreement_id', 'seq'])
        .execute();
      await db.schema
        .createTable('zones')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id'))
        .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
        .addColumn('zone_key', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('geometry', 'text', (c) => c.notNull())
        .addColumn('properties', 'text', (c) => c.notNull())
        .addColumn('min_lon', 'double precision', (c) => c.notNull())
        .addColumn('min_lat', 'double precision', (c) => c.notNull())
        .addColumn('max_lon', 'double precision', (c) => c.notNull())
        .addColumn('max_lat', 'double precision', (c) => c.notNull())
        .addColumn('area_km2', 'double precision', (c) => c.notNull())
        .addUniqueConstraint('zones_key_uq', ['version_id', 'zone_key'])
        .execute();
      await db.schema
        .createTable('incidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('external_id', 'text', (c) => c.unique())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('sub_event_type', 'text')
        .addColumn('occurred_from', 'bigint', (c) => c.notNull())
        .addColumn('occurred_until', 'bigint', (c) => c.notNull())
        .addColumn('time_precision', 'integer')
        .addColumn('lon', 'double precision', (c) => c.notNull())
        .addColumn('lat', 'double precision', (c) => c.notNull())
        .addColumn('uncertainty_m', 'double precision', (c) => c.notNull())
        .addColumn('geo_precision', 'integer')
        .addColumn('actor1', 'text')
        .addColumn('actor2', 'text')
        .addColumn('fatalities', 'integer')
        .addColumn('source', 'text')
        .addColumn('notes', 'text')
        .addColumn('country', 'text')
        .addColumn('admin1', 'text')
        .addColumn('admin2', 'text')
        .addColumn('admin3', 'text')
        .addColumn('location', 'text')
        .addColumn('attributes', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('incidents_occurred_from_idx')
        .on('incidents')
        .column('occurred_from')
        .execute();
      await db.schema
        .createTable('violations')
        // Derived rows, written only by the engine's sync: no foreign keys, which would cost four
        // index probes per row on bulk imports (measured: the largest single cost of ingest).
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('agreement_id', 'text', (c) => c.notNull())
        .addColumn('zone_key', 'text', (c) => c.notNull())
        .addColumn('zone_id', 'text', (c) => c.notNull())
        .addColumn('version_id', 'text', (c) => c.notNull())
        .addColumn('certainty', 'text', (c) => c.notNull())
        .addColumn('detected_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('violations_pk', ['incident_id', 'agreement_id', 'zone_key'])
        .execute();
      await db.schema
        .createIndex('violations_agreement_idx')
        .on('violations')
        .columns(['agreement_id', 'zone_key'])
        .execute();
    },
  },
  '0002_signoff': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('versions').addColumn('proposal_id', 'text').execute();
      for (const [name, type] of [
        ['intent', 'text'],
        ['attributions', 'text'],
        ['status_note', 'text'],
        ['reviewed_by', 'text'],
        ['reviewed_at', 'bigint'],
      ] as const)
        await db.schema.alterTable('violations').addColumn(name, type).execute();
      await db.schema
        .alterTable('violations')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('flagged'))
        .execute();
      await db.schema
        .createIndex('violations_status_idx')
        .on('violations')
        .column('status')
        .execute();
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('party_id', 'text', (c) => c.references('parties.id'))
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('must_change_password', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('disabled_at', 'bigint')
        .execute();
      await db.schema
        .createTable('auth_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('label', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema
        .createTable('party_keys')
        .addColumn('fingerprint', 'text', (c) => c.primaryKey())
        .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('label', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema
        .createTable('proposals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
        .addColumn('supersedes', 'text', (c) => c.references('proposals.id'))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('digest', 'text', (c) => c.notNull())
        .addColumn('required', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version_id', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('closed_at', 'bigint')
        .execute();
      await db.schema
        .createTable('proposal_decisions')
        .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
        .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('key_fingerprint', 'text')
        .addColumn('signature', 'text')
        .addColumn('reason', 'text')
        .addColumn('decided_by', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('proposal_decisions_pk', ['proposal_id', 'party_id'])
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('actor_role', 'text')
        .addColumn('actor_party', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('events')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('audience', 'text', (c) => c.notNull())
        .addColumn('party_id', 'text')
        .addColumn('payload', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('violation_reviews')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('agreement_id', 'text', (c) => c.notNull())
        .addColumn('zone_key', 'text', (c) => c.notNull())
        .addColumn('from_status', 'text', (c) => c.notNull())
        .addColumn('to_status', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('intent', 'text')
        .addColumn('attributions', 'text')
        .addColumn('by_actor', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('violation_reviews_key_idx')
        .on('violation_reviews')
        .columns(['incident_id', 'agreement_id', 'zone_key'])
        .execute();
      await db.schema
        .createTable('notices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('agreement_id', 'text', (c) => c.notNull())
        .addColumn('zone_key', 'text', (c) => c.notNull())
        .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'bigint', (c) => c.notNull())
        .addColumn('sent_by', 'text', (c) => c.notNull())
        .addColumn('answer', 'text')
        .addColumn('answered_at', 'bigint')
        .addColumn('answered_by', 'text')
        .execute();
      await db.schema
        .createTable('shifts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('started_by', 'text', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('notes', 'text')
        .addColumn('handed_over_at', 'bigint')
        .addColumn('handed_over_by', 'text')
        .addColumn('handed_to', 'text')
        .addColumn('handover', 'text')
        .execute();
    },
  },
  '0003_intake': {
    async up(db: Kysely<unknown>) {
      for (const name of [
        'killed_low',
        'killed_best',
        'killed_high',
        'injured_low',
        'injured_best',
        'injured_high',
        'civilians_killed',
        'combatants_killed',
      ])
        await db.schema.alterTable('incidents').addColumn(name, 'integer').execute();
      await db.schema
        .alterTable('incidents')
        .addColumn('corroborated', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('incidents')
        .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('incidents').addColumn('merged_into', 'text').execute();
      await db.schema
        .createTable('merges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('survivor_id', 'text', (c) => c.notNull())
        .addColumn('merged_id', 'text', (c) => c.notNull())
        .addColumn('report_ids', 'text', (c) => c.notNull())
        .addColumn('score', 'double precision')
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('merged_by', 'text', (c) => c.notNull())
        .addColumn('merged_at', 'bigint', (c) => c.notNull())
        .addColumn('undone_by', 'text')
        .addColumn('undone_at', 'bigint')
        .execute();
      await db.schema
        .createTable('sources')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('aliases', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('reliability', 'text', (c) => c.notNull())
        .addColumn('affiliation', 'text')
        .addColumn('notes', 'text')
        .addColumn('auto', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('source_names')
        .addColumn('name_key', 'text', (c) => c.primaryKey())
        .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
        .execute();
      await db.schema
        .createTable('reports')
        // Written by the same bulk path as incidents: no foreign keys (see violations).
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('source_name', 'text', (c) => c.notNull())
        .addColumn('reference', 'text')
        .addColumn('received_at', 'bigint')
        .addColumn('text', 'text')
        .addColumn('credibility', 'integer')
        .addColumn('killed_low', 'integer')
        .addColumn('killed_best', 'integer')
        .addColumn('killed_high', 'integer')
        .addColumn('injured_low', 'integer')
        .addColumn('injured_best', 'integer')
        .addColumn('injured_high', 'integer')
        .addColumn('civilians_killed', 'integer')
        .addColumn('combatants_killed', 'integer')
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('reports_incident_idx')
        .on('reports')
        .column('incident_id')
        .execute();
    },
  },
  '0004_news': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('articles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text')
        .addColumn('published', 'text')
        .addColumn('agency', 'text')
        .addColumn('reference', 'text')
        .addColumn('publisher', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('extraction', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('article_claims')
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
        .addColumn('idx', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('claim', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'bigint')
        .addColumn('decision_note', 'text')
        .addColumn('outcome_kind', 'text')
        .addColumn('outcome_id', 'text')
        .addPrimaryKeyConstraint('article_claims_pk', ['article_id', 'idx'])
        .execute();
      await db.schema
        .createTable('agreement_notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('quote', 'text')
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
        .addColumn('claim_idx', 'integer', (c) => c.notNull())
        .addColumn('source_name', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('agreement_notes_agreement_idx')
        .on('agreement_notes')
        .column('agreement_id')
        .execute();
    },
  },
  '0005_upgrade_tasks': {
    async up(db: Kysely<unknown>) {
      // Work that an upgrade owes to data already stored, done by the application once on open
      // (app/upgrade-tasks.ts) and ticked off in the transaction that does it.
      await db.schema
        .createTable('upgrade_tasks')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      // Versions are now judged over their effective windows only (domain/version-in-force.ts):
      // violations stored under the earlier rule are recomputed.
      await sql`INSERT INTO upgrade_tasks (name, reason, created_at) VALUES (${REEVALUATE_EFFECTIVE_WINDOWS}, ${'upgrade: each agreement version is judged over its effective window only (the version in force)'}, ${Date.now()})`.execute(
        db,
      );
    },
  },
};

/** The upgrade task that recomputes stored violations under the effective-window rule. */
export const REEVALUATE_EFFECTIVE_WINDOWS = 'reevaluate_violations:effective_windows';
