/**
 * The `dossier.*` settings as the server reads them through
 * `workspace/configuration`: untrusted JSON turned into checked values, with
 * defaults for anything missing or malformed.
 */
import { DiagnosticCode, type Severity } from '../core/checks/diagnostics';
import { DEFAULT_MAX_FILE_SIZE_KB } from '../core/corpus/decode';
import { DEFAULT_SOURCE_GLOBS } from '../core/workspace';

/** A diagnostic severity, or "off" to silence the code. */
export type SeveritySetting = Severity | 'off';

/** The settings of one workspace folder. */
export interface DossierSettings {
  /** Globs (relative to the folder) selecting source articles. */
  sources: string[];
  /** Severity overrides per diagnostic code. */
  severity: Partial<Record<DiagnosticCode, SeveritySetting>>;
  /** Source files larger than this are skipped. */
  maxFileSizeKB: number;
  inlayHints: { enabled: boolean };
  /** Folder for the persisted index (absolute, or relative to the workspace folder); default `.dossier-cache`. */
  cacheDir: string;
}

/** Settings used before the client answers, or when it has none. */
export const DEFAULT_SETTINGS: DossierSettings = {
  sources: [...DEFAULT_SOURCE_GLOBS],
  severity: {},
  maxFileSizeKB: DEFAULT_MAX_FILE_SIZE_KB,
  inlayHints: { enabled: false },
  cacheDir: '.dossier-cache',
};

const SEVERITIES = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);
const CODES = new Set<string>(Object.values(DiagnosticCode));

/**
 * Reads the `dossier` configuration section. Accepts both the nested form
 * (`{ severity: { "quote-altered": "off" } }`) and dotted keys as some clients
 * send them (`{ "severity.quote-altered": "off" }`).
 */
export function parseSettings(raw: unknown): DossierSettings {
  const section = isRecord(raw) ? raw : {};
  const settings: DossierSettings = { ...DEFAULT_SETTINGS, severity: {}, inlayHints: { ...DEFAULT_SETTINGS.inlayHints } };

  const sources = section.sources;
  const globs = typeof sources === 'string' ? [sources] : Array.isArray(sources) ? sources : [];
  const valid = globs.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
  if (valid.length > 0) settings.sources = valid;

  const severities: Record<string, unknown> = { ...(isRecord(section.severity) ? section.severity : {}) };
  for (const [k, v] of Object.entries(section)) if (k.startsWith('severity.')) severities[k.slice('severity.'.length)] = v;
  for (const [code, value] of Object.entries(severities)) {
    if (CODES.has(code) && typeof value === 'string' && SEVERITIES.has(value)) settings.severity[code as DiagnosticCode] = value as SeveritySetting;
  }

  const size = section.maxFileSizeKB;
  if (typeof size === 'number' && Number.isFinite(size) && size > 0) settings.maxFileSizeKB = size;

  const inlay = isRecord(section.inlayHints) ? section.inlayHints.enabled : section['inlayHints.enabled'];
  if (typeof inlay === 'boolean') settings.inlayHints.enabled = inlay;

  if (typeof section.cacheDir === 'string' && section.cacheDir.trim() !== '') settings.cacheDir = section.cacheDir.trim();
  return settings;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
