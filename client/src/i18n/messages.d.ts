/** The parts of ar.json / en.json that client/build/i18n-areas.ts serves (client/src/i18n/areas.ts). */
declare module "virtual:i18n-messages/*" {
  const messages: Record<string, unknown>;
  export default messages;
}
