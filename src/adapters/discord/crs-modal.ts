import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from "discord.js";
import type { Knowledge } from "../../core/knowledge.js";
import { CRS_FORM_TEXT, educationChoices, readCrsForm, splitYears, type CrsFormError, type CrsFormField, type CrsFormResult } from "../slack/crs-form.js";

/** The custom id of the CRS modal, for its submit interaction. */
export const CRS_MODAL_ID = "ee-crs";

/** The text inputs of the CRS modal, by custom id. */
export const CRS_MODAL_INPUTS = ["age", "education", "language", "years", "details"] as const;
/** A text input of the CRS modal. */
export type CrsModalInput = (typeof CRS_MODAL_INPUTS)[number];

// Discord's limits: 45 characters a modal title or label, 100 a description or placeholder.
const TITLE = 45;
const LABEL = 45;
const HINT = 100;

const LABELS: Readonly<Record<CrsModalInput, string>> = {
  age: CRS_FORM_TEXT.age,
  education: CRS_FORM_TEXT.education,
  language: "Language: CLB level or IELTS scores",
  years: CRS_FORM_TEXT.years,
  details: CRS_FORM_TEXT.details,
};

const DESCRIPTIONS: Readonly<Record<CrsModalInput, string>> = {
  age: "Your age in years",
  education: "Your highest completed education",
  language: CRS_FORM_TEXT.languageHint,
  years: "Years of skilled work in Canada, then outside Canada",
  details: "Say single, or whether your partner comes to Canada; PNP, sibling, French...",
};

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

// The placeholder lists the education words the command reads, from the highest level down, as far as they fit.
function educationHint(knowledge: Knowledge): string {
  const words = [...educationChoices(knowledge)].reverse().map((c) => c.words);
  let hint = "";
  for (const w of words) {
    const next = hint === "" ? `e.g. ${w}` : `${hint}, ${w}`;
    if (next.length > HINT) break;
    hint = next;
  }
  return hint;
}

/** The CRS modal: five text inputs for age, education, language, years of work and anything else. */
export function crsModal(knowledge: Knowledge): ModalBuilder {
  const placeholders: Readonly<Record<CrsModalInput, string>> = {
    age: "29",
    education: educationHint(knowledge),
    language: "8 7 7 7",
    years: CRS_FORM_TEXT.yearsHint,
    details: CRS_FORM_TEXT.detailsHint,
  };
  const required: ReadonlySet<CrsModalInput> = new Set(["age", "education", "language"]);
  const labels = CRS_MODAL_INPUTS.map((id) => {
    const input = new TextInputBuilder()
      .setCustomId(id)
      .setStyle(id === "details" ? TextInputStyle.Paragraph : TextInputStyle.Short)
      .setRequired(required.has(id))
      .setMaxLength(id === "details" ? 500 : 100);
    const placeholder = cut(placeholders[id], HINT);
    if (placeholder !== "") input.setPlaceholder(placeholder);
    return new LabelBuilder().setLabel(cut(LABELS[id], LABEL)).setDescription(cut(DESCRIPTIONS[id], HINT)).setTextInputComponent(input);
  });
  return new ModalBuilder().setCustomId(CRS_MODAL_ID).setTitle(cut(CRS_FORM_TEXT.title, TITLE)).addLabelComponents(labels);
}

// Which input a form field was typed in.
const INPUT_OF: Readonly<Record<CrsFormField, CrsModalInput>> = {
  age: "age",
  partner: "details",
  education: "education",
  language: "language",
  canadianYears: "years",
  foreignYears: "years",
  details: "details",
};

/** The label of the input a form error belongs to, for the reply that names it. */
export function inputLabel(error: CrsFormError): string {
  return cut(LABELS[INPUT_OF[error.field]], LABEL);
}

/** Reads a submitted CRS modal (its text inputs by custom id) into the crs command's options, or the inputs to correct. */
export function readCrsModal(value: (id: CrsModalInput) => string): CrsFormResult {
  const years = splitYears(value("years"));
  const read = readCrsForm(
    {
      age: value("age"),
      education: value("education"),
      language: value("language"),
      details: value("details"),
      ...(years.ok ? years.value : {}),
    },
    ["age", "education", "language"],
  );
  if (years.ok) return read;
  const yearsError: CrsFormError = { field: "canadianYears", message: years.error };
  return { ok: false, error: [...(read.ok ? [] : read.error), yearsError] };
}
