import { CRS_MESSAGES, type CrsMessages } from "../messages/crs.js";
import { pick } from "../messages/lang.js";
import { ABILITIES, CRS_SOURCE_ID, defaultCrsGrid, type AdditionalId, type CrsGrid } from "./grid.js";
import { levelsOf, type Converted } from "./language.js";
import type { ProfileLimits } from "./limits.js";
import {
  ageRow,
  canadianExperienceRow,
  cell,
  certificateRow,
  columnFor,
  educationComboRow,
  educationRow,
  firstLanguageRow,
  foreignComboRow,
  item,
  periodAt,
  secondLanguageRow,
  split,
  spouseEducationPoints,
  spouseExperienceRow,
  spouseLanguageRow,
} from "./lookup.js";
import { applyDefaults } from "./missing.js";
import type { AbilityValues, CrsProfile, FieldError, OfficialLanguage, PartialProfile, Result } from "./profile.js";
import { validateProfile } from "./validate.js";

/** Points of one factor and how they were reached, in a few plain words. */
export interface Factor {
  readonly points: number;
  readonly explanation: string;
}

/** A cap that lowered a sum. */
export interface CapApplied {
  readonly cap: string;
  readonly limit: number;
  readonly before: number;
  readonly after: number;
}

/** Where the points come from. */
export interface CrsSource {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly url: string;
  readonly asOf: string;
}

/** A CRS score with every factor, the caps that applied, what was assumed and what to keep in mind. */
export interface CrsBreakdown {
  readonly total: number;
  /** The date the score is for. */
  readonly date: string;
  /** The date the grid file was compiled. */
  readonly gridDate: string;
  /** Latest dated change of the grid on or before the date. */
  readonly rulesSince: string | null;
  /** True when the with-spouse columns and spouse factors were used. */
  readonly withSpouse: boolean;
  /** First and second official language levels used, after any test conversion. */
  readonly levels: { readonly first: AbilityValues; readonly second: AbilityValues | null };
  readonly core: {
    readonly age: Factor;
    readonly education: Factor;
    readonly firstLanguage: Factor;
    readonly secondLanguage: Factor;
    readonly canadianExperience: Factor;
    readonly subtotal: Factor;
  };
  readonly spouse: { readonly education: Factor; readonly language: Factor; readonly canadianExperience: Factor; readonly subtotal: Factor };
  readonly transferability: {
    readonly education: { readonly language: Factor; readonly canadian: Factor; readonly subtotal: Factor };
    readonly foreignExperience: { readonly language: Factor; readonly canadian: Factor; readonly subtotal: Factor };
    readonly certificate: Factor;
    readonly subtotal: Factor;
  };
  readonly additional: {
    readonly nomination: Factor;
    readonly sibling: Factor;
    readonly french: Factor;
    readonly canadianEducation: Factor;
    readonly arrangedEmployment: Factor;
    readonly subtotal: Factor;
  };
  readonly capsApplied: readonly CapApplied[];
  readonly assumptions: readonly string[];
  readonly notes: readonly string[];
  readonly sources: readonly CrsSource[];
}

/** Options of a calculation. */
export interface CalculateOptions {
  /** YYYY-MM-DD; the grid in force then is used. Default: today. */
  readonly date?: string;
  readonly grid?: CrsGrid;
  readonly limits?: ProfileLimits;
}

/** Today's date, YYYY-MM-DD (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const f = (points: number, explanation: string): Factor => ({ points, explanation });
const zero = (explanation: string): Factor => f(0, explanation);

function capped(name: string, sum: number, limit: number, caps: CapApplied[]): number {
  if (sum <= limit) return sum;
  caps.push({ cap: name, limit, before: sum, after: limit });
  return limit;
}

function subtotal(name: string, parts: readonly Factor[], limit: number, caps: CapApplied[]): Factor {
  const sum = parts.reduce((s, p) => s + p.points, 0);
  const points = capped(name, sum, limit, caps);
  return f(points, points < sum ? texts().cappedSum(sum, limit) : `${points}`);
}

// The calculator's sentences in the language being written in (English outside a conversation).
function texts(): CrsMessages["calc"] {
  return pick(CRS_MESSAGES).calc;
}

function minLevel(levels: AbilityValues): number {
  return Math.min(...ABILITIES.map((a) => levels[a]));
}

function levelText(levels: AbilityValues, scale: string): string {
  const values = ABILITIES.map((a) => levels[a]);
  if (values.every((v) => v === values[0])) return texts().allFour(scale, values[0] ?? 0);
  return texts().perAbility(scale, ABILITIES.map((a) => [a, levels[a]] as const));
}

/** The head of a grid education label: "Two-year program at a university, ..." gives "Two-year program". */
export function shortLabel(label: string): string {
  return label.split(/\.|,? OR | at a | from a /i)[0]?.trim() || label;
}

function years(n: number): string {
  return texts().years(n);
}

interface Languages {
  readonly first: { language: OfficialLanguage; levels: AbilityValues; converted: Converted | null };
  readonly second: { language: OfficialLanguage; levels: AbilityValues; converted: Converted | null } | null;
  readonly spouse: { language: OfficialLanguage; levels: AbilityValues; converted: Converted | null } | null;
}

function convertAll(profile: CrsProfile, grid: CrsGrid, limits: ProfileLimits | undefined): Result<Languages, readonly FieldError[]> {
  const errors: FieldError[] = [];
  const conv = (r: CrsProfile["firstLanguage"] | null | undefined, field: string) => {
    if (!r) return null;
    const out = levelsOf(r, { grid, field, ...(limits ? { limits } : {}) });
    if (!out.ok) {
      errors.push(out.error);
      return null;
    }
    return out.value;
  };
  const first = conv(profile.firstLanguage, "firstLanguage");
  const second = conv(profile.secondLanguage, "secondLanguage");
  const spouse = conv(profile.spouse?.language, "spouse.language");
  if (errors.length > 0 || !first) return { ok: false, error: errors };
  return { ok: true, value: { first, second, spouse } };
}

function latestChange(grid: CrsGrid, date: string): string | null {
  const starts = grid.additional.items.flatMap((i) => i.periods.map((p) => p.from)).filter((d) => d <= date);
  return starts.sort().at(-1) ?? null;
}

function additionalFactor(grid: CrsGrid, id: AdditionalId, date: string, what: string, notes: string[]): Factor {
  const it = item(grid, id);
  const period = periodAt(it, date);
  const points = period?.points ?? 0;
  const first = it.periods[0];
  const m = texts();
  if (!period && first && date < first.from) return zero(m.notYet(what, first.from));
  for (const d of it.disputedStarts) {
    const later = it.periods.find((p) => p.from > d);
    if (later && d <= date && date < later.from) {
      notes.push(m.disputed(pick(CRS_MESSAGES).labels.factor(it), later.points, d, later.from, points));
    }
  }
  return f(points, m.factorPoints(what, points));
}

function frenchFactor(grid: CrsGrid, langs: Languages, date: string, notes: string[], assumptions: string[]): Factor {
  const all = [langs.first, langs.second].filter((l) => l !== null);
  const french = all.find((l) => l.language === "french");
  const english = all.find((l) => l.language === "english");
  const weak = item(grid, "french-weak-english");
  const strong = item(grid, "french-strong-english");
  const m = texts();
  if (!french) return zero(m.noFrench);
  const frenchMin = strong.frenchMin ?? weak.frenchMin ?? 0;
  if (minLevel(french.levels) < frenchMin) return zero(m.frenchBelow(frenchMin));
  const englishMin = strong.englishMin ?? 0;
  const englishLowest = english ? minLevel(english.levels) : null;
  const id: AdditionalId = englishLowest !== null && englishLowest >= englishMin ? "french-strong-english" : "french-weak-english";
  if (id === "french-weak-english" && english && weak.englishMax !== null && Math.max(...ABILITIES.map((a) => english.levels[a])) > weak.englishMax) {
    assumptions.push(m.frenchWeakAssumed(weak.englishMax, englishMin));
  }
  const base = additionalFactor(grid, id, date, "", notes);
  const englishText = english ? m.englishLowest(englishLowest ?? 0) : m.noEnglish;
  return f(base.points, m.french(frenchMin, englishText, base.points));
}

function arrangedFactor(grid: CrsGrid, profile: CrsProfile, date: string, notes: string[]): Factor {
  const m = texts();
  if (profile.arrangedEmployment === "none") return zero(m.noJobOffer);
  const id: AdditionalId = profile.arrangedEmployment === "senior-management" ? "arranged-employment-senior" : "arranged-employment-other";
  const it = item(grid, id);
  let period = periodAt(it, date);
  // Before the grid split job offers by kind, the senior item's period notes that it covered every qualifying offer.
  if (!period) {
    const other = grid.additional.items.filter((i) => i.id.startsWith("arranged-employment") && i.id !== id).map((i) => periodAt(i, date));
    period = other.find((p) => p?.note !== null && /\ball\b/i.test(p?.note ?? ""));
  }
  const points = period?.points ?? 0;
  if (it.removed && date >= it.removed) {
    notes.push(m.offerRemovedNote(it.removed, it.announced));
    return zero(m.offerRemoved(it.removed));
  }
  if (it.removed) notes.push(m.offerStillGave(it.removed, date, points));
  return f(points, m.offer(profile.arrangedEmployment === "senior-management", points, period?.note ?? null));
}

function compute(profile: CrsProfile, langs: Languages, grid: CrsGrid, date: string, assumptions: string[]): CrsBreakdown {
  const m = texts();
  const labels = pick(CRS_MESSAGES).labels;
  const cap = m.caps;
  const caps: CapApplied[] = [];
  const notes: string[] = [];
  const withSpouse = profile.maritalStatus === "married-or-common-law" && profile.spouseAccompanying && !profile.spouseCanadian;
  const column = withSpouse ? m.column.withSpouse : profile.maritalStatus === "single" ? m.column.single : m.column.scoredSingle;
  if (profile.maritalStatus === "married-or-common-law" && !withSpouse) {
    notes.push(profile.spouseCanadian ? m.partnerCanadian : m.partnerNotComing);
  }

  for (const [field, value] of [
    ["canadian", profile.canadianExperienceYears],
    ["foreign", profile.foreignExperienceYears],
  ] as const) {
    if (!Number.isInteger(value)) assumptions.push(m.experienceCounted(field, value, Math.floor(value)));
  }
  for (const [slot, l] of [
    ["first", langs.first],
    ["second", langs.second],
    ["spouse", langs.spouse],
  ] as const) {
    if (!l?.converted) continue;
    notes.push(l.converted.note);
    if (l.converted.below.length > 0) {
      assumptions.push(m.belowTable(slot, l.converted.below, l.converted.levels[l.converted.below[0]!]));
    }
  }

  // Core human capital.
  const age = ageRow(grid, profile.age);
  const edu = educationRow(grid, profile.education);
  const eduPoints = edu ? split(edu, withSpouse) : 0;
  const scale = (l: OfficialLanguage) => (l === "french" ? "NCLC" : "CLB");
  const first = langs.first;
  const firstParts = ABILITIES.map((a) => split(firstLanguageRow(grid, first.levels[a]), withSpouse));
  const firstSum = firstParts.reduce((s, p) => s + p, 0);
  const firstPoints = capped(cap.firstLanguage, firstSum, split(grid.core.firstLanguage.max, withSpouse), caps);
  let secondFactor = zero(m.noSecondLanguage);
  if (langs.second) {
    const second = langs.second;
    const parts = ABILITIES.map((a) => split(secondLanguageRow(grid, second.levels[a]), withSpouse));
    const sum = parts.reduce((s, p) => s + p, 0);
    const limit = split(grid.core.secondLanguage.max, withSpouse);
    const points = capped(cap.secondLanguage, sum, limit, caps);
    secondFactor = f(points, m.secondLanguage(levelText(second.levels, scale(second.language)), parts, sum, points, limit, column));
  }
  const canadian = canadianExperienceRow(grid, profile.canadianExperienceYears);
  const core = {
    age: f(split(age, withSpouse), m.age(profile.age, split(age, withSpouse), column)),
    education: f(eduPoints, m.education(edu ? labels.education(edu.key, shortLabel(edu.label)) : profile.education, eduPoints, column)),
    firstLanguage: f(firstPoints, m.language(levelText(first.levels, scale(first.language)), firstParts, firstPoints, column)),
    secondLanguage: secondFactor,
    canadianExperience: f(split(canadian, withSpouse), m.canadianWork(years(Math.floor(profile.canadianExperienceYears)), split(canadian, withSpouse), column)),
  };
  const coreSubtotal = subtotal(
    cap.core,
    [core.age, core.education, core.firstLanguage, core.secondLanguage, core.canadianExperience],
    split(grid.core.subtotalMax, withSpouse),
    caps,
  );

  // Spouse or partner factors.
  let spouse: CrsBreakdown["spouse"];
  if (withSpouse && profile.spouse) {
    const sp = profile.spouse;
    const se = spouseEducationPoints(grid, sp.education) ?? 0;
    const sl = langs.spouse;
    const slParts = sl ? ABILITIES.map((a) => spouseLanguageRow(grid, sl.levels[a]).points) : [];
    const slSum = slParts.reduce((s, p) => s + p, 0);
    const slPoints = capped(cap.spouseLanguage, slSum, grid.spouse.language.max, caps);
    const sx = spouseExperienceRow(grid, sp.canadianExperienceYears).points;
    const parts = {
      education: f(se, m.spouseEducation(labels.education(sp.education, shortLabel(educationRow(grid, sp.education)?.label ?? sp.education)), se)),
      language: sl ? f(slPoints, m.spouseLanguage(levelText(sl.levels, scale(sl.language)), slParts, slPoints)) : zero(m.spouseNoLanguage),
      canadianExperience: f(sx, m.spouseCanadianWork(years(Math.floor(sp.canadianExperienceYears)), sx)),
    };
    spouse = { ...parts, subtotal: subtotal(cap.spouse, Object.values(parts), Math.min(grid.spouse.max, grid.maximums.spouse), caps) };
  } else {
    const none = zero(withSpouse ? m.noPartnerDetails : m.noAccompanyingPartner);
    spouse = { education: none, language: none, canadianExperience: none, subtotal: zero("0") };
  }

  // Skill transferability.
  const t = grid.transferability;
  const lowest = minLevel(first.levels);
  const langCol = (combo: Parameters<typeof columnFor>[0]) => columnFor(combo, lowest);
  const cdnYears = Math.floor(profile.canadianExperienceYears);
  const eduLangRow = educationComboRow(t.education.withLanguage, profile.education);
  const eduCdnRow = educationComboRow(t.education.withCanadianWork, profile.education);
  const elCol = langCol(t.education.withLanguage);
  const ecCol = columnFor(t.education.withCanadianWork, cdnYears);
  const el = eduLangRow ? cell(eduLangRow, elCol) : 0;
  const ec = eduCdnRow ? cell(eduCdnRow, ecCol) : 0;
  const rowName = (row: typeof eduLangRow) => (row ? labels.transferEducation(row.keys[0] ?? "", row.label) : profile.education);
  const educationT = {
    language: f(el, m.eduWithLanguage(rowName(eduLangRow), scale(first.language), lowest, el)),
    canadian: f(ec, m.eduWithCanadian(rowName(eduCdnRow), years(cdnYears), ec)),
  };
  const forYears = Math.floor(profile.foreignExperienceYears);
  const frLang = foreignComboRow(t.foreignExperience.withLanguage, forYears);
  const frCdn = foreignComboRow(t.foreignExperience.withCanadianWork, forYears);
  const fl = cell(frLang, langCol(t.foreignExperience.withLanguage));
  const fc = cell(frCdn, columnFor(t.foreignExperience.withCanadianWork, cdnYears));
  const foreignT = {
    language: f(fl, m.foreignWithLanguage(years(forYears), scale(first.language), lowest, fl)),
    canadian: f(fc, m.foreignWithCanadian(years(forYears), years(cdnYears), fc)),
  };
  const cert = profile.certificateOfQualification ? certificateRow(grid, lowest) : undefined;
  const certPoints = cert ? Math.min(cert.points, t.certificate.subCap) : 0;
  const certificate = profile.certificateOfQualification
    ? f(certPoints, m.certificate(scale(first.language), lowest, certPoints))
    : zero(m.noCertificate);
  const education = { ...educationT, subtotal: subtotal(cap.education, Object.values(educationT), t.education.subCap, caps) };
  const foreignExperience = { ...foreignT, subtotal: subtotal(cap.foreign, Object.values(foreignT), t.foreignExperience.subCap, caps) };
  const transferability = {
    education,
    foreignExperience,
    certificate,
    subtotal: subtotal(cap.transferability, [education.subtotal, foreignExperience.subtotal, certificate], Math.min(t.max, grid.maximums.transferability), caps),
  };

  // Additional points, as they were on the date.
  const nomination = profile.provincialNomination ? additionalFactor(grid, "nomination", date, m.nomination, notes) : zero(m.noNomination);
  const sibling = profile.siblingInCanada ? additionalFactor(grid, "sibling", date, m.sibling, notes) : zero(m.noSibling);
  const french = frenchFactor(grid, langs, date, notes, assumptions);
  const canadianEducation =
    profile.canadianEducation === "none"
      ? zero(m.noCanadianEducation)
      : additionalFactor(
          grid,
          profile.canadianEducation === "1-2" ? "canadian-education-short" : "canadian-education-long",
          date,
          m.canadianEducation(profile.canadianEducation === "1-2"),
          notes,
        );
  const arrangedEmployment = arrangedFactor(grid, profile, date, notes);
  const additionalParts = { nomination, sibling, french, canadianEducation, arrangedEmployment };
  const additional = { ...additionalParts, subtotal: subtotal(cap.additional, Object.values(additionalParts), grid.additional.max, caps) };

  const humanCapital = capped(
    cap.humanCapital,
    coreSubtotal.points + spouse.subtotal.points + transferability.subtotal.points,
    grid.maximums.coreSpouseTransferability,
    caps,
  );
  const total = capped(cap.total, humanCapital + additional.subtotal.points, grid.maximums.total, caps);

  const rulesSince = latestChange(grid, date);
  const lastChange = latestChange(grid, "9999-12-31");
  if (lastChange && date < lastChange) {
    notes.push(m.gridUndated(date));
  }
  const unverified = [grid.core.status, grid.spouse.status, grid.transferability.status].filter((s) => !s.verified);
  for (const s of unverified) notes.push(m.unverifiedTable(s));
  notes.push(m.pointsFrom(grid.source.title, grid.asOf));

  return {
    total,
    date,
    gridDate: grid.asOf,
    rulesSince,
    withSpouse,
    levels: { first: first.levels, second: langs.second?.levels ?? null },
    core: { ...core, subtotal: coreSubtotal },
    spouse,
    transferability,
    additional,
    capsApplied: caps,
    assumptions,
    notes,
    sources: [{ id: CRS_SOURCE_ID, title: grid.source.title, publisher: "Immigration, Refugees and Citizenship Canada", url: grid.source.url, asOf: grid.asOf }],
  };
}

/** The CRS score of a profile on a date, with every factor explained; errors name impossible or missing fields (no score is given then). */
export function calculateCrs(profile: PartialProfile, options: CalculateOptions = {}): Result<CrsBreakdown, readonly FieldError[]> {
  const grid = options.grid ?? defaultCrsGrid();
  const date = options.date ?? today();
  if (!isIsoDate(date)) return { ok: false, error: [{ field: "date", message: texts().badDate }] };
  const valid = validateProfile(profile, { grid, ...(options.limits ? { limits: options.limits } : {}) });
  if (!valid.ok) return valid;
  const complete = applyDefaults(profile, { grid, date });
  if (!complete.ok) return complete;
  const langs = convertAll(complete.value.profile, grid, options.limits);
  if (!langs.ok) return langs;
  return { ok: true, value: compute(complete.value.profile, langs.value, grid, date, [...complete.value.assumptions]) };
}
