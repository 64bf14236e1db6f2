import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from "discord.js";
import type { Knowledge } from "../../core/knowledge.js";
import { adapterMessages } from "../../messages/adapters.js";
import { crsFormText, educationChoices, readCrsForm, splitYears, type CrsFormError, type CrsFormField, type CrsFormResult } from "../slack/crs-form.js";

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

// The inputs' labels and descriptions in the language being written in.
function labels(): Readonly<Record<CrsModalInput, string>> {
  const form = crsFormText();
  return { age: form.age, education: form.education, language: adapterMessages().crsModal.language, years: form.years, details: form.details };
}

function descriptions(): Readonly<Record<CrsModalInput, string>> {
  const t = adapterMessages().crsModal;
  return { age: t.ageDescription, education: t.educationDescription, language: crsFormText().languageHint, years: t.yearsDescription, details: t.detailsDescription };
}

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

// The placeholder lists the education words the command reads, from the highest level down, as far as they fit.
function educationHint(knowledge: Knowledge): string {
  const words = [...educationChoices(knowledge)].reverse().map((c) => c.words);
  const eg = adapterMessages().crsModal.forExample;
  let hint = "";
  for (const w of words) {
    const next = hint === "" ? `${eg} ${w}` : `${hint}, ${w}`;
    if (next.length > HINT) break;
    hint = next;
  }
  return hint;
}

/** The CRS modal: five text inputs for age, education, language, years of work and anything else; in the language being written in. */
export function crsModal(knowledge: Knowledge): ModalBuilder {
  const form = crsFormText();
  const names = labels();
  const hints = descriptions();
  const placeholders: Readonly<Record<CrsModalInput, string>> = {
    age: "29",
    education: educationHint(knowledge),
    language: "8 7 7 7",
    years: form.yearsHint,
    details: form.detailsHint,
  };
  const required: ReadonlySet<CrsModalInput> = new Set(["age", "education", "language"]);
  const inputs = CRS_MODAL_INPUTS.map((id) => {
    const input = new TextInputBuilder()
      .setCustomId(id)
      .setStyle(id === "details" ? TextInputStyle.Paragraph : TextInputStyle.Short)
      .setRequired(required.has(id))
      .setMaxLength(id === "details" ? 500 : 100);
    const placeholder = cut(placeholders[id], HINT);
    if (placeholder !== "") input.setPlaceholder(placeholder);
    return new LabelBuilder().setLabel(cut(names[id], LABEL)).setDescription(cut(hints[id], HINT)).setTextInputComponent(input);
  });
  return new ModalBuilder().setCustomId(CRS_MODAL_ID).setTitle(cut(form.title, TITLE)).addLabelComponents(inputs);
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

/** The label of the input a form error belongs to, for the reply that names it (in the language being written in). */
export function inputLabel(error: CrsFormError): string {
  return cut(labels()[INPUT_OF[error.field]], LABEL);
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
