/** Codes of the errors ee-bot raises for failures it does not expect. */
export const ErrorCode = {
  KnowledgeBaseMissing: "ee_kb_missing",
  KnowledgeBaseInvalid: "ee_kb_invalid",
  KnowledgeBaseBuild: "ee_kb_build",
  FeedWrite: "ee_feed_write",
  ConfigInvalid: "ee_config_invalid",
  AdapterFailed: "ee_adapter_failed",
  CrsGridInvalid: "ee_crs_grid_invalid",
  ChartOptionsInvalid: "ee_chart_options_invalid",
  ChartRenderFailed: "ee_chart_render_failed",
  StoreOpenFailed: "ee_store_open",
  StoreMigrationFailed: "ee_store_migration",
  StoreSecretKey: "ee_store_secret_key",
  StoreInvalidInput: "ee_store_input",
  SharedStateFailed: "ee_shared_state",
} as const;
/** One of the error codes. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error with a stable string code and the cause that led to it. */
export class EeBotError extends Error {
  override readonly name = "EeBotError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when a value is an EeBotError, optionally of one code. */
export function isEeBotError(e: unknown, code?: ErrorCode): e is EeBotError {
  return e instanceof EeBotError && (code === undefined || e.code === code);
}
