// What every service needs: the store, the clock, the configuration and the compiled engine.
import { DEFAULT_GEO_PRECISION_RADII_M, type GeoPrecisionRadii } from '../domain/geo-precision.ts';
import type { AgreementVersion, Incident, ViolationRecord } from '../domain/types.ts';
import { batchOf } from '../engine/incident-batch.ts';
import { ViolationEngine, CERTAIN, type EngineVersionInput } from '../engine/violation-engine.ts';
import type { Store } from '../store/store.ts';
import {
  DEFAULT_REPORT_SETTINGS,
  reportSettingsFromEnv,
  type ReportSettings,
} from '../report/daily/report-settings.ts';

export interface AppConfig {
  geoPrecisionRadii: GeoPrecisionRadii;
  /** The clock; services never read the time themselves. */
  now: () => number;
  /** The daily report's cut-off, time zone and windows; DEFAULT_REPORT_SETTINGS when absent. */
  report?: ReportSettings | undefined;
}

export const DEFAULT_CONFIG: AppConfig = {
  geoPrecisionRadii: DEFAULT_GEO_PRECISION_RADII_M,
  now: () => Date.now(),
  report: DEFAULT_REPORT_SETTINGS,
};

/**
 * The configuration with what the environment sets ($TRUCELINE_REPORT_CUTOFF, $TRUCELINE_REPORT_TZ,
 * $TRUCELINE_REPORT_ROLLING_DAYS); a bad value throws an AppError naming the variable.
 */
export function configFromEnv(
  env: Record<string, string | undefined>,
  base: AppConfig = DEFAULT_CONFIG,
): AppConfig {
  return { ...base, report: reportSettingsFromEnv(env, base.report ?? DEFAULT_REPORT_SETTINGS) };
}

export function engineInputOf(v: AgreementVersion): EngineVersionInput {
  return {
    versionId: v.id,
    agreementId: v.agreementId,
    seq: v.seq,
    label: v.label,
    validFrom: v.validFrom,
    validUntil: v.validUntil,
    zones: v.zones.map((z) => ({
      zoneId: z.id,
      key: z.key,
      name: z.name,
      kind: z.kind,
      geometry: z.geometry,
    })),
  };
}

/** Runs the engine over incidents and returns the violation records they give. */
export function matchIncidents(
  engine: ViolationEngine,
  incidents: readonly Incident[],
): ViolationRecord[] {
  const out: ViolationRecord[] = [];
  engine.match(batchOf(incidents), (i, zone, certainty) => {
    out.push({
      incidentId: incidents[i]!.id,
      agreementId: zone.agreementId,
      zoneKey: zone.key,
      zoneId: zone.zoneId,
      versionId: zone.versionId,
      certainty: certainty === CERTAIN ? 'certain' : 'possible',
    });
  });
  return out;
}

export class AppContext {
  private engine: ViolationEngine | null = null;
  private engineStamp = '';

  constructor(
    readonly store: Store,
    readonly config: AppConfig = DEFAULT_CONFIG,
  ) {}

  /** The engine over every recorded version, compiled once and rebuilt when versions change. */
  async currentEngine(store: Store = this.store): Promise<ViolationEngine> {
    // Another process (the CLI beside a running server) may have recorded versions: the stamp
    // tells. Called with a transaction, it sees exactly the versions that transaction sees.
    const stamp = await store.versionsStamp();
    if (!this.engine || stamp !== this.engineStamp) {
      this.engine = ViolationEngine.compile((await store.listVersions()).map(engineInputOf));
      this.engineStamp = stamp;
    }
    return this.engine;
  }

  /**
   * This context over an open transaction: services called with it join that transaction (so one
   * change can span several of them) and share the compiled engine.
   */
  within(tx: Store): AppContext {
    const engineOf = (store: Store) => this.currentEngine(store);
    return new (class extends AppContext {
      override currentEngine(store: Store = tx): Promise<ViolationEngine> {
        return engineOf(store);
      }
    })(tx, this.config);
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}
