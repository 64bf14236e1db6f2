import type { types, ViewStateValue } from "@slack/bolt";
import * as z from "zod";
import type { Knowledge } from "../../core/knowledge.js";
import { crsFormText, educationChoices, readCrsForm, type CrsForm, type CrsFormField } from "./crs-form.js";
import type { OptionValues } from "../../skills/types.js";
import { LangSchema } from "../../messages/lang.js";

/** The callback id of the CRS modal, for the view_submission handler. */
export const CRS_MODAL_CALLBACK = "ee-crs";

/** Where the answer to a submitted CRS modal goes: the conversation /ee came from, who asked, and the language the form was shown in. */
export const CrsModalMetaSchema = z.object({ channel: z.string().min(1), user: z.string().min(1), dm: z.boolean(), lang: LangSchema.optional() });
/** The CRS modal's private_metadata. */
export type CrsModalMeta = z.infer<typeof CrsModalMetaSchema>;

// Slack's limits: 75 characters an option's text, 150 a placeholder.
const OPTION_TEXT = 75;
const PLACEHOLDER = 150;
const ACTION = "value";
const REQUIRED: readonly CrsFormField[] = ["age", "partner", "education", "language"];

const plain = (text: string, max = 2000): types.PlainTextElement => ({ type: "plain_text", text: text.length > max ? `${text.slice(0, max - 1)}…` : text });

function option(value: string, text: string): types.PlainTextOption {
  return { text: plain(text, OPTION_TEXT), value };
}

function numberInput(field: CrsFormField, label: string, optional: boolean, range: { min?: number; max?: number } = {}): types.InputBlock {
  return {
    type: "input",
    block_id: field,
    optional,
    label: plain(label),
    element: {
      type: "number_input",
      action_id: ACTION,
      is_decimal_allowed: false,
      ...(range.min !== undefined ? { min_value: String(range.min) } : {}),
      ...(range.max !== undefined ? { max_value: String(range.max) } : {}),
    },
  };
}

/** The limits the crs command sets on an option, for the number inputs. */
export type OptionRanges = Readonly<Record<string, { min?: number; max?: number }>>;

/** The CRS modal: age, marital status, education (the grid's levels), language, years of work and anything else; in the language being written in. */
export function crsModal(knowledge: Knowledge, meta: CrsModalMeta, ranges: OptionRanges = {}): types.ModalView {
  const t = crsFormText();
  const education = educationChoices(knowledge).map((c) => option(c.key, c.label));
  return {
    type: "modal",
    callback_id: CRS_MODAL_CALLBACK,
    private_metadata: JSON.stringify(meta),
    title: plain(t.title, 24),
    submit: plain(t.submit, 24),
    close: plain(t.cancel, 24),
    blocks: [
      numberInput("age", t.age, false, ranges.age),
      {
        type: "input",
        block_id: "partner",
        label: plain(t.partner),
        element: {
          type: "static_select",
          action_id: ACTION,
          options: [option("none", t.single), option("coming", t.partnerComing), option("not-coming", t.partnerNotComing)],
        },
      },
      { type: "input", block_id: "education", label: plain(t.education), element: { type: "static_select", action_id: ACTION, options: education } },
      {
        type: "input",
        block_id: "language",
        label: plain(t.language),
        element: { type: "plain_text_input", action_id: ACTION, placeholder: plain(t.languageHint, PLACEHOLDER) },
      },
      numberInput("canadianYears", t.canadianYears, true, ranges["canadian-years"]),
      numberInput("foreignYears", t.foreignYears, true, ranges["foreign-years"]),
      {
        type: "input",
        block_id: "details",
        optional: true,
        label: plain(t.details),
        element: { type: "plain_text_input", action_id: ACTION, multiline: true, placeholder: plain(t.detailsHint, PLACEHOLDER) },
      },
    ],
  };
}

/** The values of a submitted view, as Slack sends them: block id, then action id. */
export type ViewValues = Readonly<Record<string, Readonly<Record<string, ViewStateValue>>>>;

/**
 * Reads a submitted CRS modal into the crs command's options, or the errors to send back with
 * `response_action: "errors"`, keyed by block id. An education level is written as the words the parser reads as it.
 */
export function readCrsModal(knowledge: Knowledge, values: ViewValues): { ok: true; value: OptionValues } | { ok: false; error: Record<string, string> } {
  const field = (id: CrsFormField): string | undefined => {
    const v = values[id]?.[ACTION];
    return v?.selected_option?.value ?? v?.value ?? undefined;
  };
  const educationKey = field("education");
  const partner = field("partner");
  const form: CrsForm = {
    age: field("age"),
    partner: partner === "none" || partner === "coming" || partner === "not-coming" ? partner : undefined,
    education: educationChoices(knowledge).find((c) => c.key === educationKey)?.words,
    language: field("language"),
    canadianYears: field("canadianYears"),
    foreignYears: field("foreignYears"),
    details: field("details"),
  };
  const read = readCrsForm(form, REQUIRED);
  return read.ok ? read : { ok: false, error: Object.fromEntries(read.error.map((e) => [e.field, e.message])) };
}
