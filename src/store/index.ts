export { openStore, storeOptionsFromEnv, STORE_FILE_NAME, type StoreOptions } from "./open.js";
export { parseSecretKey } from "./secret.js";
export { MIGRATION_NAMES } from "./migrations.js";
export * from "./schema.js";
