import type { KindDefinition } from '../../../commands/kind-definition.js';
import { checkMonitorProfile } from '../derive/checks.js';
import { auditMonitorProfile } from '../derive/figures-audit.js';
import { deriveMonitorProfile, type MonitorProfileDerived } from '../derive/report.js';
import { MONITOR_SECTIONS } from '../schema/report.js';

/** The Landmine and Cluster Munition Monitor's country profiles: sections dated one by one. */
export const monitorProfile: KindDefinition<'monitor-profile', MonitorProfileDerived> = {
  derive: (report) => deriveMonitorProfile(report.data, report.reference?.exchangeRates),
  check: (report, emit) =>
    checkMonitorProfile(report.derived, report.meta, report.reference?.exchangeRates, emit),
  // Each section carries its own date and source; editions are not compared figure by figure.
  checkAcrossEditions: null,
  audit: (report) => auditMonitorProfile(report.data, report.derived),
  // Loaded when first used: a no-op rebuild, validate or diff never load the renderer.
  render: async (report) => (await import('../render/render.js')).renderMonitorProfile(report),
  nextEdition: { inheritSections: MONITOR_SECTIONS.map((s) => s.key) },
  // A profile with no earlier edition inherits nothing: every section is written, to fill.
  addCountry: { live: MONITOR_SECTIONS.map(({ key }) => `sections.${key}`) },
  // The Monitor publishes no edition overview.
  volume: { overview: null },
};
