/**
 * Dependencies run one way (docs/architecture.md, "Layers and what each may import"). `npm run check` runs
 * `npm run deps`: depcruise with these rules over server/src and client/src, `.vue` files included; type-only
 * imports count (tsPreCompilationDeps), so a type cannot smuggle a cycle or an upward import in.
 *
 * Server, top to bottom:
 *   composition root  server/src/*.ts (app, main, services, schema, database, context, auth-checker, config)
 *                     and the command-line entry points (*.cli.ts): may import anything
 *   http              server/src/http/: imported only by the composition root
 *   GraphQL           *.resolver.ts (and classroom-feed.ts): imported only by the composition root
 *   features          each feature's services, entities, views and types; a feature imports only features
 *                     below it in FEATURES (never one above, never one at its own rank but itself)
 *   domain + db       grading/, shared/, errors.ts, db/ (db/ imports no feature: the root hands it the model)
 *   item types        items/: one module per item type and their registry; pure, below every feature, importing
 *                     only shared/, the content model and libraries (the content schema assembles its item
 *                     union from the modules' schema parts)
 * The content model (content/content.schema.ts, content.model.ts, content.parts.ts, actors.schema.ts) is the vocabulary every
 * layer speaks; any module may import it. Migrations are frozen history: they import only typeorm and each other.
 */
const SRC = "^server/src/";
/** Feature folders, bottom first. */
const FEATURES = [["grading"], ["quizzes"], ["lessons"], ["course"], ["content"], ["search"], ["accounts"], ["attempts"], ["review"], ["progress"], ["classrooms"], ["exports"], ["privacy"], ["lti"], ["live"]];
const ROOT = `${SRC}[^/]+\\.ts$|\\.cli\\.ts$|${SRC}demo/|${SRC}ops/`;
const CONTENT_MODEL = `${SRC}content/(content\\.(schema|model|parts)|actors\\.schema)\\.ts$`;
const GRAPHQL_ENTRY = `\\.resolver\\.ts$|${SRC}classrooms/classroom-feed\\.ts$`;

/** One rule per feature: it may not import a feature ranked at or above it (its own folder excepted). */
const featureRules = FEATURES.map((names, rank) => {
  const above = FEATURES.slice(rank).flat().filter((f) => !names.includes(f));
  return {
    name: `feature-order-${names.join("-")}`,
    severity: "error",
    comment: `${names.join(", ")} may import only features below it: ${FEATURES.slice(0, rank).flat().join(", ") || "none"}.`,
    from: { path: `${SRC}(${names.join("|")})/`, pathNot: GRAPHQL_ENTRY },
    to: { path: `${SRC}(${above.join("|")})/`, pathNot: CONTENT_MODEL },
  };
});

module.exports = {
  forbidden: [
    { name: "no-cycle", severity: "error", comment: "No import cycle, type-only imports included.", from: {}, to: { circular: true } },
    {
      name: "root-only-from-entry-points",
      severity: "error",
      comment: "The composition root (server/src/*.ts) is imported only by entry points; resolvers may read the context type.",
      from: { path: SRC, pathNot: ROOT },
      to: { path: `${SRC}[^/]+\\.ts$`, pathNot: [`${SRC}errors\\.ts$`, `${SRC}context\\.ts$`] },
    },
    {
      name: "context-only-in-graphql",
      severity: "error",
      comment: "Only resolvers and the root see the GraphQL context; services take a Viewer (shared/viewer.ts).",
      from: { path: SRC, pathNot: [ROOT, GRAPHQL_ENTRY] },
      to: { path: `${SRC}context\\.ts$` },
    },
    {
      name: "http-only-from-root",
      severity: "error",
      comment: "Transports sit on top: only the composition root imports server/src/http/.",
      from: { path: SRC, pathNot: [ROOT, `${SRC}http/`] },
      to: { path: `${SRC}http/` },
    },
    {
      name: "resolvers-only-from-root",
      severity: "error",
      comment: "Resolvers are the GraphQL layer: only schema.ts (the root) lists them; nothing below imports one.",
      from: { path: SRC, pathNot: [ROOT, GRAPHQL_ENTRY] },
      to: { path: GRAPHQL_ENTRY },
    },
    {
      name: "lower-layers-import-no-feature",
      severity: "error",
      comment: "db/, shared/, grading/ and errors.ts import no feature (the content model excepted).",
      from: { path: [`${SRC}db/`, `${SRC}shared/`, `${SRC}errors\\.ts$`] },
      to: { path: `${SRC}(${FEATURES.flat().join("|")}|items|http|migrations|demo|ops)/`, pathNot: CONTENT_MODEL },
    },
    {
      name: "items-pure",
      severity: "error",
      comment: "Item-type modules (server/src/items/) are pure domain: they import shared/, the content model and libraries only.",
      from: { path: `${SRC}items/` },
      to: { path: SRC, pathNot: [`${SRC}items/`, `${SRC}shared/`, CONTENT_MODEL] },
    },
    {
      name: "migrations-frozen",
      severity: "error",
      comment: "Migrations are frozen history: they import typeorm and each other, never live code.",
      from: { path: `${SRC}migrations/` },
      to: { dependencyTypesNot: ["npm", "npm-dev", "core"], pathNot: `${SRC}migrations/` },
    },
    {
      name: "client-composables-import-no-component",
      severity: "error",
      comment: "Composables hold state and queries; components render it. Shared shapes live in plain modules (the item-type registry carries components).",
      from: { path: "^client/src/composables/" },
      to: { path: ["^client/src/(components|pages)/", "^client/src/quiz/item-types\\.ts$"] },
    },
    {
      name: "client-components-import-no-page",
      severity: "error",
      comment: "Pages compose components, never the other way round.",
      from: { path: "^client/src/components/" },
      to: { path: "^client/src/pages/" },
    },
    ...featureRules,
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)client/src/gql/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".vue", ".json"],
    },
  },
};
